# cli

cli-written = Portal escrito en { $folder }
cli-written-portal = Portal de { $participant } escrito en { $folder }
cli-created = creado { $path }
cli-import-kept = se conserva { $path }: { $why }
cli-import-skipped = no se importó: { $source }: { $why }
cli-import-fetch-skipped = no se descargó: { $source } › { $field }: { $why }
cli-import-notes-heading = { $notes ->
    [one] 1 nota
   *[other] { $notes } notas
}, por tipo (cada una es además un comentario en su descriptor):
cli-import-note-group =   { $count } × `{ $field }`: { $note } (p. ej. { $source })
cli-import-partial = el origen solo traía { $read } de { $declared } conjuntos de datos: el resto no se importó
cli-import-categories = { $count ->
    [one] 1 categoría añadida
   *[other] { $count } categorías añadidas
} a portal.toml: { $ids }
cli-import-fetched = --fetch: { $files ->
    [one] 1 archivo descargado
   *[other] { $files } archivos descargados
} ({ $size }), { $skipped } quedan como enlace
cli-import-summary = { $read ->
    [one] 1 conjunto de datos leído
   *[other] { $read } conjuntos de datos leídos
}: { $created } archivos creados, { $updated } actualizados, { $unchanged } sin cambios, { $kept } conservados, { $skipped } omitidos; ahora ejecuta `abierto check` en el sitio
cli-import-bad-size = `{ $size }` no es un tamaño
cli-import-bad-size-help = escribe un número y una unidad: `100 MB`, `1.5 GB`, `512 KB`
cli-build-summary = { $datasets ->
    [one] 1 conjunto de datos
   *[other] { $datasets } conjuntos de datos
}, { $pages ->
    [one] 1 página
   *[other] { $pages } páginas
}, { $files ->
    [one] 1 archivo
   *[other] { $files } archivos
} en { $seconds } s: { $problems }
cli-check-summary = { $datasets ->
    [one] 1 conjunto de datos
   *[other] { $datasets } conjuntos de datos
} y { $pages ->
    [one] 1 página revisada
   *[other] { $pages } páginas revisadas
} en { $seconds } s: { $problems }
cli-external-summary = enlaces externos: { $links ->
    [one] 1 enlace
   *[other] { $links } enlaces
} a { $addresses ->
    [one] 1 dirección
   *[other] { $addresses } direcciones
}, { $asked } consultadas, { $broken ->
    [one] 1 rota
   *[other] { $broken } rotas
}, en { $seconds } s

## Command-line help (`abierto --help`, `abierto <command> --help`)

cli-help-usage = Uso
cli-help-commands = Comandos
cli-help-arguments = Argumentos
cli-help-options = Opciones
cli-help-default = { $help } [predeterminado: { $default }]
cli-help-possible-values = { $help } [valores posibles: { $values }]
cli-help-help = Muestra la ayuda
cli-help-version = Muestra la versión
cli-help-help-command = Muestra esta ayuda o la de los subcomandos indicados
cli-help-about = Generador de sitios estáticos para portales de datos abiertos
cli-help-lang = El idioma de los mensajes: es o en (por omisión, el `language` del sitio; fuera de un sitio, LANG)
cli-help-site = La carpeta del sitio (la que contiene portal.toml)
cli-help-base-url = Reemplaza el `base_url` de portal.toml
cli-help-build = Construye el portal en una carpeta (termina con código 0 solo si el sitio no tiene errores)
cli-help-build-output = La carpeta de salida
cli-help-build-base-url = Reemplaza el `base_url` de portal.toml (por ejemplo, para la página de un proyecto de GitHub)
cli-help-build-no-minify = Escribe el HTML tal como se genera, sin minificarlo
cli-help-build-force = Usa la carpeta de salida aunque contenga archivos que abierto no escribió
cli-help-build-quiet = Muestra solo los problemas y el resumen (sin avance)
cli-help-timings = Muestra cuánto tardó cada etapa y la memoria que ocupó
cli-help-portal-participant = Construye el portal propio de ese participante (su `[portal]` en participant.toml): solo sus datos, historias y páginas, con su título, logotipo, color y dirección
cli-help-build-all-portals = Construye el portal de la red en la carpeta de salida y, junto a ella, el de cada participante que declara `[portal]` (SALIDA-<participante>), con un solo análisis de los datos
cli-help-check = Revisa el sitio sin escribir el portal: metadatos, actualización, archivos, enlaces y datos personales. Termina con 0 si todo está bien, 1 si hay errores y 2 si hay avisos con --strict
cli-help-check-format = Cómo mostrar lo encontrado: text para personas, json para programas, github para GitHub Actions
cli-help-check-strict = Falla (código 2) también con avisos
cli-help-check-external = Además, consulta cada enlace externo (http/https) de historias, páginas y descriptores para saber si sigue funcionando; uno roto es un aviso
cli-help-check-external-timeout = Segundos que se espera la respuesta de un enlace externo (con --external)
cli-help-check-external-deadline = Segundos que puede durar toda la revisión externa; se anotan los enlaces que no se alcanzaron a consultar (con --external)
cli-help-check-previous = Compara con una versión anterior del portal (la carpeta de una construcción, su sitemap.xml o la dirección del sitemap publicado): es un error que desaparezca un conjunto de datos que no se declare en `former_ids`
cli-help-new = Crea un sitio, participante, historia o conjunto de datos que se construye tal cual
cli-help-new-site = Un sitio nuevo: portal.toml, un participante, un conjunto de datos, una historia, una página «acerca de» y un flujo de trabajo de GitHub Pages
cli-help-new-site-dir = La carpeta del sitio nuevo (nueva o vacía)
cli-help-new-participant = Un participante: participants/ID/participant.toml
cli-help-new-participant-id = El id del participante: minúsculas, dígitos y guiones
cli-help-new-story = Una historia de un participante, con la fecha de hoy y un archivo nombrado según su título
cli-help-new-participant-of = El id del participante al que pertenece
cli-help-new-story-title = El título de la historia
cli-help-new-dataset = Un descriptor de conjunto de datos llenado a partir de un archivo de datos, que se copia en la carpeta datos/ del participante
cli-help-new-dataset-from = El archivo de datos que se publicará
cli-help-new-site-folder = La carpeta del sitio
cli-help-import = Convierte los metadatos de otro portal (CKAN, JKAN, DCAT) en participantes y descriptores
cli-help-import-ckan = Un portal CKAN: su dirección (se recorre su API por páginas) o una respuesta guardada en un archivo (package_search, package_show, una lista de paquetes, líneas de `ckanapi dump`)
cli-help-import-ckan-source = La dirección del portal CKAN, o el archivo con su respuesta
cli-help-import-dcat = Un catálogo DCAT: un data.json de DCAT-US o DCAT-AP en JSON-LD, como archivo o por su dirección
cli-help-import-dcat-source = El archivo o la dirección del catálogo
cli-help-import-fetch = Descarga cada recurso remoto en la carpeta datos/ del participante
cli-help-import-max-file-size = Con --fetch: el archivo más grande que se descarga
cli-help-import-max-total-size = Con --fetch: todos los archivos descargados juntos
cli-help-import-jkan = La carpeta de un sitio JKAN (con _datasets/ y _organizations/)
cli-help-import-jkan-dir = La carpeta del sitio JKAN
cli-help-import-into = El sitio en el que se escribirá
cli-help-serve = Muestra una vista previa del portal: lo sirve, lo reconstruye cada vez que guardas y recarga el navegador
cli-help-serve-port = El puerto en el que se sirve (el siguiente libre si está ocupado; 0 para cualquiera)
cli-help-serve-bind = La dirección en la que se escucha; por ejemplo, 0.0.0.0 abre la vista previa a la red
cli-help-serve-no-drafts = Deja fuera las historias con `draft = true`, como hace `build`
cli-help-serve-quiet = Muestra solo la dirección y los problemas

cli-error-unknown-argument = la opción { $arg } no existe
cli-error-unknown-command = la orden `{ $command }` no existe
cli-error-invalid-value = { $value } no es un valor válido para { $arg }
cli-error-missing-argument = falta { $arg }
cli-error-missing-command = falta la orden: build, check, serve, new o import
cli-error-conflict = { $arg } no se puede usar junto con { $other }
cli-error-other = no se entiende la orden
cli-error-help-nearest = ¿quisiste decir `{ $nearest }`? Escribe `abierto --help` para ver las órdenes y sus opciones
cli-error-help = escribe `abierto --help` para ver las órdenes y sus opciones
cli-error-help-valid = los valores posibles son: { $values }
