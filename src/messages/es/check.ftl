# check

check-allowed = { $message } (permitido por [check] en portal.toml)

report-summary = { $errors ->
    [one] 1 error
   *[other] { $errors } errores
}, { $warnings ->
    [one] 1 aviso
   *[other] { $warnings } avisos
}, { $notes ->
    [one] 1 nota
   *[other] { $notes } notas
}

## Metadata and freshness

check-missing-metadata = al conjunto de datos `{ $title }` le faltan metadatos que exigen los catálogos: { $missing } (completitud { $score } %)
check-missing-metadata-help = agrega estas claves al descriptor para que los catálogos nacionales e internacionales acepten el conjunto de datos
check-overdue = el conjunto de datos `{ $title }` está atrasado: su actualización { $frequency ->
    [continuous] continua
    [hourly] cada hora
    [daily] diaria
    [weekly] semanal
    [biweekly] quincenal
    [monthly] mensual
    [bimonthly] bimestral
    [quarterly] trimestral
    [semiannual] semestral
    [annual] anual
    [biennial] bienal
    [irregular] irregular
   *[other] `{ $frequency }`
} vencía el { $due } (hace { $days ->
    [one] 1 día
   *[other] { $days } días
}; última modificación: { $modified })
check-overdue-help = publica los datos nuevos y actualiza `modified`, o cambia `frequency` al ritmo real
check-promise-overdue = el conjunto de datos planeado `{ $title }` se prometió para el { $due } (hace { $days ->
    [one] 1 día
   *[other] { $days } días
}) y no está publicado
check-promise-overdue-help = publícalo (`status = "published"` con sus recursos) o fija una nueva fecha en `expected`
check-due-soon = al conjunto de datos `{ $title }` le toca actualizarse el { $due }

## Files

check-unreferenced-file = ningún descriptor nombra este archivo: no se publicará
check-unreferenced-file-help = agrega a un descriptor un `[[resources]]` con este `path`, o elimina el archivo
check-unreferenced-more = { $count ->
    [one] y 1 archivo más que ningún descriptor nombra: no se publicará
   *[other] y { $count } archivos más que ningún descriptor nombra: no se publicarán
}
check-unreferenced-more-help = nómbralos en descriptores, o sácalos de la carpeta del participante
check-file-too-large = este archivo pesa { $megabytes } MB: git y GitHub rechazan archivos de más de 100 MB
check-file-too-large-help = divídelo (por ejemplo, por año), comprímelo, o publícalo en otro lugar y escribe su `url` en el recurso
check-lfs-pointer = este archivo es un puntero de Git LFS, no los datos: GitHub Pages publicaría el texto del puntero
check-lfs-pointer-help = sube el archivo real sin LFS (de menos de 100 MB), o publícalo en otro lugar y escribe su `url` en el recurso
check-site-too-large = el portal pesaría { $megabytes } MB: GitHub Pages publica sitios de hasta 1 GB
check-site-too-large-help = publica en otro lugar los archivos de datos más grandes y escribe su `url` en sus recursos

## Links

check-anchor-missing = el ancla `#{ $fragment }` no corresponde a ningún encabezado de este texto
check-anchor-missing-none = este texto no tiene encabezados a los que enlazar
check-anchor-missing-headings = encabezados de este texto: { $headings }
check-link-leaves-base = el enlace `{ $destination }` sale de la ruta base del portal `{ $base }`
check-link-leaves-base-help = escribe los enlaces a páginas del portal como `dataset:…`, `page:…`, `story:…` o `participant:…`
check-link-no-page = el enlace `{ $destination }` no corresponde a ninguna página de este portal
check-link-no-page-help = revisa la dirección, o escríbela como `dataset:…`, `page:…`, `story:…` o `participant:…`
check-page-no-anchor = la página `{ $page }` no tiene el ancla `#{ $fragment }`
check-page-no-anchor-help = enlaza a un encabezado que exista en esa página
check-link-no-file = el enlace `{ $destination }` no corresponde a ningún archivo junto a este texto
check-link-no-file-help = pon el archivo junto al archivo Markdown, o enlaza a una página del portal con `dataset:…`, `page:…`, `story:…`

## External links

check-external-broken = el enlace `{ $destination }` está roto: { $problem }
check-external-not-checked = { $count ->
    [one] 1 enlace externo no se revisó
   *[other] { $count } enlaces externos no se revisaron
}: la revisión se detuvo en su plazo de { $seconds } s
check-external-not-checked-help = ejecuta `abierto check --external --external-deadline SEGUNDOS` con más tiempo
check-external-status = el servidor respondió { $status }{ $reason }{ $tries ->
    [one] {""}
   *[other] {" "}({ $tries } intentos)
}
check-external-gone = la página ya no existe: enlaza a donde se movió, o elimina el enlace (puede que Internet Archive guarde una copia)
check-external-refused = el servidor rechazó la solicitud (algunos rechazan las revisiones automáticas): abre el enlace en un navegador
check-external-server-failed = el servidor falló: vuelve a revisar más tarde, o avisa a quien lo administra
check-external-open-in-browser = abre el enlace en un navegador y corrige la dirección
check-external-no-host = el nombre del servidor no existe
check-external-no-host-help = revisa que la dirección no tenga errores de escritura; el sitio puede haberse mudado a otro dominio
check-external-timeout = sin respuesta en { $seconds } s{ $tries ->
    [one] {""}
   *[other] {" "}({ $tries } intentos)
}
check-external-timeout-help = puede que el servidor esté caído por ahora: vuelve a revisar más tarde (`--external-timeout` espera más)
check-external-redirects = más de { $count } redirecciones
check-external-redirects-help = enlaza a la dirección a la que llevan las redirecciones
check-external-no-connection = sin conexión ({ $error }){ $tries ->
    [one] {""}
   *[other] {" "}({ $tries } intentos)
}
check-external-down-help = puede que el servidor esté caído por ahora: vuelve a revisar más tarde
check-external-error = la solicitud falló: { $error }

check-missing-field = `{ $field }` ({ $standards })
check-missing-field-about = `{ $field }`, { $about } ({ $standards })
check-missing-fields = { $list }; { $next }
check-dataset-gone = el conjunto de datos `{ $id }` estaba publicado en { $url } (según { $place }) y esta versión ya no lo tiene: su página, sus descargas, su datapackage y su archivo de la API responderían 404 a quien los use
check-dataset-gone-renamed-help = si `{ $new }` es el mismo conjunto de datos con otro nombre, agrega a este descriptor `former_ids = ["{ $id }"]`: sus direcciones anteriores llevarán a las nuevas
check-dataset-gone-help = si se renombró, agrega `former_ids = ["{ $id }"]` a su descriptor nuevo; si se retiró a propósito, este error deja de aparecer una vez publicada la nueva versión
check-previous-unreadable = no se pudo leer la versión anterior del portal en { $place }: { $error }
check-previous-no-datasets = { $place } no lista ningún conjunto de datos del portal
check-previous-help = con --previous da la carpeta de una construcción anterior, su sitemap.xml, o la dirección del sitemap publicado (https://…/sitemap.xml)
check-modified-behind-data = `modified` de `{ $title }` dice { $modified }, pero sus datos cambiaron después: el { $changed }, en el commit { $commit } («{ $message }»)
check-modified-behind-data-help = pon `modified = { $changed }`, o quita `modified`: sin él, el portal usa el día del último commit que cambió los datos
