# load

load-text-too-large = este archivo pesa { $size }: abierto lee descriptores, historias y páginas de hasta { $limit }
load-text-too-large-help = divídelo en varios archivos, o pasa los datos a un archivo de datos

## Lectura de TOML (toml_file.rs, toml_explain.rs, toml_syntax.rs)

load-unknown-key = clave desconocida `{ $key }`
load-unknown-key-nearest = ¿quisiste decir `{ $nearest }`? Claves permitidas aquí: { $allowed }
load-unknown-key-allowed = claves permitidas aquí: { $allowed }
load-unknown-value = valor desconocido `{ $value }`
load-unknown-value-nearest = ¿quisiste decir `{ $nearest }`? Valores permitidos: { $allowed }
load-unknown-value-allowed = valores permitidos: { $allowed }
load-missing-key = falta la clave obligatoria `{ $key }`
load-missing-key-help = agrega una línea `{ $key } = …`
load-not-a-date = aquí va una fecha
load-not-a-date-help = escribe la fecha sin comillas, como en `issued = 2014-10-10`
load-invalid-date = `{ $text }` no es una fecha válida
load-date-month-help = el mes va de 01 a 12: escribe la fecha como año-mes-día, como en `2014-10-10`
load-date-day-help = ese mes tiene { $days } días: escribe la fecha como año-mes-día, como en `2014-10-10`
load-date-format-help = escribe la fecha como año-mes-día, sin comillas, como en `2014-10-10`
load-time-without-date = esto es una hora sin fecha
load-time-without-date-help = escribe una fecha, como 2014-10-10
load-wrong-kind = tipo de valor equivocado: aquí va { $expected }, no { $found }
load-wrong-kind-help = escribe aquí { $expected }
load-value-kind = { $kind ->
    [text] un texto entre comillas
    [integer] un número entero
    [number] un número
    [boolean] `true` o `false`
    [array] una lista `[…]`
    [table] una tabla
    [date] una fecha
    [license] el id de una licencia, como "cc-by-4.0", o una tabla con `id`, `name` y `url`
   *[other] otro tipo de valor
}
# $detail: las palabras del lector de TOML, en inglés; solo el mensaje en inglés las muestra.
load-value-not-read = este valor no se puede leer{ $detail ->
   *[other] {""}
}
load-value-not-read-help = revisa en la documentación qué valor lleva esta clave
load-invalid-link = `{ $link }` no es un enlace válido
load-invalid-link-help = escribe la dirección completa, que empiece con { $schemes }
load-invalid-email = `{ $address }` no es una dirección de correo electrónico
load-invalid-email-help = escribe una dirección como datos@municipio.gob.mx

load-toml-unclosed-string = falta cerrar las comillas
load-toml-unclosed-string-help = cierra el texto con `{ $quote }` en la misma línea (un texto de varias líneas va entre `"""`)
load-toml-unclosed-text = falta cerrar el texto que abre con `{ $quotes }`
load-toml-unclosed-text-help = termina el texto con `{ $quotes }`
load-toml-escape = esta diagonal invertida `\` no forma un escape que TOML conozca
load-toml-escape-help = escribe `\\` para una diagonal invertida, o pon el texto entre comillas simples `'…'` para dejarlo tal cual
load-toml-missing-equals = falta el signo `=` después de la clave
load-toml-missing-equals-help = escribe `clave = valor`; una clave con espacios va entre comillas, como `"mi clave" = 1`
load-toml-missing-value = falta el valor después de `=`
load-toml-missing-value-help = escribe el valor, como en `title = "…"`
load-toml-unquoted = `{ $text }` es un texto sin comillas
load-toml-unquoted-help = escríbelo entre comillas: `"{ $text }"`
load-toml-duplicate-key = la clave `{ $key }` aparece dos veces
load-toml-duplicate-key-help = deja solo una de las dos líneas
load-toml-header = falta cerrar el encabezado de la tabla con `{ $close }`
load-toml-header-help = escribe el encabezado en una línea aparte, como `[contact]` o `[[resources]]`
load-toml-key = aquí falta una clave, o la clave tiene caracteres que solo se admiten entre comillas
load-toml-key-help = las claves llevan letras, números, `-` y `_`, como `fecha_inicio = …`; escribe entre comillas cualquier otra clave
load-toml-unclosed = { $what ->
    [array] falta cerrar la lista con `]`
   *[table] falta cerrar con `{"}"}` la tabla escrita entre llaves
}
load-toml-unclosed-help = ciérralo con `{ $close }` en la misma línea
load-toml-missing-comma = falta una coma entre dos elementos
load-toml-missing-comma-help = separa los elementos con `,`, como en `["a", "b"]`
load-toml-extra-comma = aquí sobra una coma
load-toml-extra-comma-help = elimina la coma que sobra
load-toml-trailing = después del valor sigue algo más en la misma línea
load-toml-trailing-help = pon cada clave en su propia línea; un comentario empieza con `#`
load-toml-number = este número no está escrito como TOML lee los números
load-toml-number-help = escríbelo sin ceros a la izquierda, como `1200`; un código (postal, una clave) va entre comillas: `"01000"`
# $detail: las palabras del lector de TOML, en inglés; solo el mensaje en inglés las muestra.
load-toml-syntax = aquí el TOML no se puede leer{ $detail ->
   *[other] {""}
}
load-toml-syntax-help = revisa la sintaxis de TOML: `clave = "texto"`, una clave por línea

## La carpeta del sitio y sus archivos (mod.rs, layout.rs)

load-no-folder = esta carpeta no existe
load-no-folder-help = indica la carpeta que contiene portal.toml, por ejemplo `abierto build example-site`
load-no-portal = el sitio no tiene un portal.toml que se pueda leer
load-no-portal-help = crea portal.toml con al menos `title = "…"`, o ejecuta `abierto build` sobre la carpeta del sitio
load-no-participants-folder = el sitio no tiene carpeta de participantes
load-no-participants-folder-help = crea participants/<id>/participant.toml para cada institución que publica
load-no-participant-file = esta carpeta de participante no tiene participant.toml
load-no-participant-file-help = agrega participant.toml con `name` y `kind` (municipio, estado, federal u organizacion)
load-symlink-outside = este enlace simbólico apunta fuera del sitio
load-symlink-outside-help = reemplaza el enlace por una copia del archivo
load-case-collision = este archivo y `{ $other }` solo difieren en mayúsculas: en Windows y macOS son el mismo archivo, y uno reemplazaría al otro
load-case-collision-help = cambia el nombre de uno de los dos (o borra el que sobra)
load-not-utf8 = este archivo no es texto UTF-8
load-not-utf8-help = guárdalo como UTF-8 (en la mayoría de los editores: “Guardar con codificación” → UTF-8)
load-cannot-read = no se puede leer este archivo: { $reason }
load-cannot-read-folder = no se puede leer esta carpeta: { $reason }
load-io-permission = no hay permiso para leerlo
load-io-not-found = no existe
load-io-loop = un enlace simbólico apunta de vuelta a una carpeta superior
load-io-other = el sistema dice «{ $detail }»
load-io-in-use = otro programa lo tiene abierto (¿Excel?): ciérralo y vuelve a intentarlo
load-id-collision = { $what ->
    [participant] este participante tiene
    [dataset] este conjunto de datos tiene
    [story] esta historia tiene
   *[page] esta página tiene
} el id `{ $id }`, igual que `{ $first }`
load-id-collision-help = los ids salen de los nombres de archivos y carpetas (en minúsculas y sin acentos): cambia el nombre de uno de los dos
load-reserved-page = una página no puede llamarse `{ $slug }`: el portal usa esa dirección
load-reserved-page-help = cambia el nombre del archivo

## portal.toml (portal.rs)

load-portal-empty-title = el `title` del portal está vacío
load-portal-empty-title-help = escribe el nombre del portal
load-unknown-theme = tema desconocido `{ $theme }`
load-unknown-theme-help = usa `theme = "default"` y sustituye plantillas en la carpeta `templates/` del sitio
load-not-a-colour = `{ $colour }` no es un color
load-not-a-colour-help = escribe un color hexadecimal, como "#0b5e55"
load-preview-rows = `preview_rows` debe estar entre { $min } y { $max }
load-preview-rows-help = { $rows } filas son una buena vista previa en un teléfono
load-not-a-size = `{ $size }` no es un tamaño de archivo
load-not-a-size-help = escribe un tamaño como "100 MB" (B, KB, MB o GB)
load-not-a-repository = `{ $url }` no es la dirección web de un repositorio
load-not-a-repository-help = escribe la dirección de su página en la forja, como https://github.com/DUEÑO/REPO (se conocen GitHub, GitLab, Gitea y Forgejo)
load-not-a-branch = `{ $branch }` no es un nombre de rama
load-not-a-branch-help = escribe la rama desde la que se publica el portal, como "main"
load-category-id-not-segment = el id de categoría `{ $id }` no sirve como parte de una dirección web
load-category-twice = la categoría `{ $id }` está declarada dos veces
load-category-twice-help = deja una sola tabla `[[categories]]` por id
load-unknown-license = licencia desconocida `{ $id }`
load-unknown-license-nearest = ¿quisiste decir `{ $nearest }`? Licencias conocidas: { $known }
load-unknown-license-declare = usa una de { $known } o declara la licencia como una tabla `[license]` con `id`, `name` y `url`
load-write-as = escríbelo como `{ $id }`

## participant.toml (participant.rs)

load-participant-empty-name = el `name` del participante está vacío
load-participant-empty-name-help = escribe su nombre oficial
load-portal-logo-outside = el logotipo `{ $path }` no está en la carpeta del participante
load-portal-logo-outside-help = pon la imagen junto a participant.toml y escribe su nombre, por ejemplo `logo = "logo.svg"`
load-portal-logo-kind = el logotipo `{ $path }` no es una imagen
load-portal-logo-kind-help = un logotipo puede ser: { $extensions }
load-portal-network-address = `{ $url }` es la dirección del portal de la red
load-portal-same-address = `{ $url }` ya es la dirección del portal que declara { $other }
load-portal-same-address-help = cada portal necesita su propia dirección: escribe en `base_url` la de este participante, como "https://datos.municipio.gob.mx/"
load-portal-unknown-page = la red no tiene la página `{ $slug }`
load-portal-unknown-page-nearest = ¿quisiste decir `{ $nearest }`? `pages` nombra las páginas de la carpeta pages/ del sitio que este portal conserva
load-portal-unknown-page-help = `pages` nombra las páginas de la carpeta pages/ del sitio que este portal conserva: { $known }; las suyas van en la carpeta pages/ del participante

## Descriptores de conjuntos de datos (descriptor/)

load-dataset-empty-title = el `title` del conjunto de datos está vacío
load-dataset-empty-title-help = escribe un título que diga qué datos son
load-dataset-empty-description = la `description` del conjunto de datos está vacía
load-dataset-empty-description-help = describe qué contienen los datos, de dónde vienen y cómo se actualizan
load-too-many-keywords = { $count ->
    [one] el conjunto de datos tiene 1 palabra clave
   *[other] el conjunto de datos tiene { $count } palabras clave
}; un conjunto de datos puede tener como máximo { $max }
load-too-many-keywords-help = deja las palabras que la gente busca; los temas van en `categories`
load-dataset-no-license = el conjunto de datos no tiene licencia
load-dataset-no-license-help = agrega `license = "libre-uso-mx"` (u otro id de licencia), o define `default_license` en portal.toml
load-dataset-no-resource = un conjunto de datos publicado necesita al menos un recurso
load-dataset-no-resource-help = agrega una tabla `[[resources]]` con `path` o `url`, o escribe `status = "planned"`
load-unknown-category = categoría desconocida `{ $id }`
load-unknown-category-nearest = ¿quisiste decir `{ $nearest }`? Las categorías se declaran en portal.toml
load-unknown-category-declare = declárala en portal.toml como una tabla `[[categories]]`, o usa una de estas: { $known }
load-former-id-twice = `{ $id }` aparece dos veces en `former_ids`
load-former-id-twice-help = deja solo uno de los dos
load-not-a-dataset-id = `{ $id }` no es un id de conjunto de datos
load-dataset-id-example = escríbelo como `participante/nombre-anterior`: la carpeta del participante y el nombre del descriptor anterior sin .toml
load-former-id-own = `former_ids` incluye `{ $id }`, el id del propio conjunto de datos
load-former-id-taken = el id anterior `{ $id }` es el id de otro conjunto de datos, `{ $other }`
load-former-id-taken-help = un id anterior es el que tenía un conjunto de datos antes de cambiarle el nombre: elimínalo, o cambia el nombre del otro conjunto de datos
load-former-id-shared = el id anterior `{ $id }` también aparece en `{ $other }`
load-former-id-shared-help = una dirección anterior solo puede redirigir a un conjunto de datos: déjala en uno solo de los dos descriptores
load-same-published-name = `{ $first }` y `{ $second }` se publicarían con el mismo nombre, `{ $name }`
load-same-published-name-help = cambia el nombre de uno de los dos archivos
load-unknown-encoding = codificación desconocida `{ $encoding }`
load-unknown-encoding-help = usa un nombre estándar, como `utf-8`, `windows-1252` o `iso-8859-1`
load-resource-path-and-url = este recurso tiene `path` y también `url`
load-resource-path-and-url-help = deja `path` para un archivo del sitio, o `url` para un archivo publicado en otro lugar
load-resource-no-location = este recurso no tiene `path` ni `url`
load-resource-no-location-help = agrega `path = "datos/archivo.csv"` (relativo a este archivo) o `url = "https://…"`
load-path-absolute = `{ $path }` es una ruta absoluta
load-path-absolute-help = escribe la ruta relativa a la carpeta de este archivo, como `datos/archivo.csv`
load-path-leaves-site = `{ $path }` apunta fuera de la carpeta del sitio
load-path-leaves-site-help = deja los archivos de datos dentro del sitio; copia el archivo a la carpeta del participante
load-path-missing = el archivo `{ $path }` no existe
load-path-missing-help = revisa cómo está escrito y la carpeta; las rutas son relativas a la carpeta de este archivo
load-path-other-case = el archivo `{ $path }` no existe con esas mayúsculas: en su carpeta se llama `{ $exact }`
load-path-other-case-help = escribe `{ $exact }`: Windows y macOS no distinguen mayúsculas de minúsculas, pero Linux y GitHub sí, y allí el portal no encontraría el archivo
load-path-folder = `{ $path }` es una carpeta, no un archivo
load-path-folder-help = indica un archivo que esté dentro de ella

## Historias y páginas (markdown_file.rs, mod.rs)

load-no-front-matter = el archivo no empieza con un encabezado (front matter)
load-no-front-matter-help = empieza el archivo con una línea `+++`, luego `title = "…"` y las demás claves, y después otra línea `+++`
load-front-matter-unclosed = el encabezado (front matter) nunca se cierra
load-front-matter-unclosed-help = agrega una línea `+++` después de la última clave del encabezado
load-cover-problem = portada: { $problem }
load-cover-problem-help = pon la imagen en la carpeta de la historia y escribe su nombre, por ejemplo `cover = "portada.png"`
load-cover-outside = portada: `{ $path }` no está en la carpeta de la historia
load-cover-outside-help = pon la imagen junto a la historia (o en una carpeta dentro de ella): se publica junto a la página de la historia
load-cover-not-image = portada: `{ $path }` no es una imagen
load-cover-not-image-help = una portada puede ser: { $extensions }
load-unknown-dataset = conjunto de datos desconocido `{ $id }`
load-unknown-dataset-nearest = ¿quisiste decir `{ $nearest }`? Los ids de conjuntos de datos son `<participante>/<nombre del descriptor>`
load-unknown-dataset-help = los ids de conjuntos de datos son `<participante>/<nombre del descriptor sin .toml>`
load-explore-max-rows = `explore_max_rows` debe ser un número entero entre 0 y { $max }
load-explore-max-rows-help = 0 no prepara ningún explorador; { $rows } (el valor si no se dice) explora tablas de hasta un millón de filas
load-boundary-format = `boundary` nombra «{ $path }», que no es un archivo GeoJSON (.geojson, .json) ni KML (.kml)
load-boundary-format-help = el límite es el contorno del participante, guardado desde el SIG como GeoJSON o KML
load-maps-tiles = `tiles` debe ser una dirección de teselas con `{"{"}z{"}"}`, `{"{"}x{"}"}` y `{"{"}y{"}"}`; a «{ $url }» le falta alguna
load-maps-tiles-help = escribe la dirección del servidor como la da su documentación, por ejemplo "https://tile.openstreetmap.org/{"{"}z{"}"}/{"{"}x{"}"}/{"{"}y{"}"}.png"
load-maps-attribution = `tiles` necesita su `attribution`: los servidores de teselas piden que se les dé crédito en el mapa
load-maps-attribution-help = agrega el crédito que pide el servidor, por ejemplo attribution = "© colaboradores de OpenStreetMap"
load-maps-basemap = `basemap` («{ $path }»): los mapas base vectoriales (PMTiles) aún no se dibujan; los mapas muestran los datos sobre los contornos de los participantes
load-maps-basemap-help = por ahora, define `tiles` y `attribution` para dibujar bajo los datos el mapa de un servidor de teselas
load-keep-versions = `keep_versions` debe ser un número entero entre 0 y { $max }
load-keep-versions-help = es cuántas versiones anteriores de cada archivo de datos se publican con el portal; 0 (el valor si no se dice) enlaza a la copia del repositorio en su lugar
