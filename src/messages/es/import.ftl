# import

## Rechazos

import-cannot-read = no se puede leer { $path }: { $error }
import-cannot-read-help = indica un catálogo guardado en un archivo (una respuesta de la API de CKAN, las líneas de `ckanapi dump`, un data.json o DCAT en JSON-LD), o su dirección web
import-file-too-large = pesa más de 2 GB
import-cannot-write = no se puede escribir { $path }: { $error }
import-cannot-write-help = revisa que la carpeta del sitio admita escritura; los archivos listados antes de este sí se escribieron
import-not-json = esto no es JSON: { $error }
import-not-json-looks = esto no es JSON: parece { $looks }
import-not-json-help = guarda tal cual la respuesta de `…/api/3/action/package_search?rows=1000` o de `package_show?id=…`, o da la dirección del portal a `abierto import ckan`
import-looks-empty = un archivo vacío
import-looks-challenge = una página de verificación contra robots («{ $title }») que el servidor mostró en lugar de los datos: abre la dirección en un navegador y guarda la respuesta, o da la dirección del portal a `abierto import ckan`
import-looks-html = una página HTML («{ $title }»), no una respuesta de la API
import-looks-xml = XML (RDF/XML o un canal de noticias)
import-looks-turtle = RDF en Turtle: publica o guarda el catálogo en JSON-LD
import-looks-csv = una tabla CSV
import-looks-text = un texto que empieza «{ $start }»
import-ckan-error = la API de CKAN respondió con un error: { $message }
import-ckan-error-none = sin mensaje
import-ckan-error-help = vuelve a llamar a la API y guarda una respuesta exitosa
import-no-packages = este JSON no contiene paquetes de CKAN
import-no-packages-help = usa la respuesta de `package_show`, de `package_search` (su `result.results`), una lista de paquetes o las líneas de `ckanapi dump`
import-no-datasets-folder = { $folder } no tiene carpeta _datasets
import-no-datasets-folder-help = indica la carpeta del sitio JKAN (la que contiene _datasets/ y _organizations/)
import-dcat-no-datasets = este catálogo no tiene conjuntos de datos (ni lista `dataset` de un data.json ni nodos `dcat:Dataset`)
import-dcat-help = indica un data.json de DCAT-US o un catálogo DCAT-AP en JSON-LD, como archivo o por su dirección
import-cannot-ask = no se pudo obtener { $url }: { $problem }
import-cannot-ask-help = revisa la dirección y la conexión; la importación repite cada petición unas veces antes de desistir
import-http-status = el servidor respondió { $status }
import-http-too-large = pesa más de { $limit }
import-http-timeout = el servidor no respondió a tiempo
import-http-network = { $error }
import-http-deadline = se acabó el tiempo de la importación antes de pedirlo

## Qué pasó con un elemento, y por qué

import-package-not-object = no es un objeto JSON
import-package-nameless = no tiene nombre ni título
import-cannot-read-file = no se puede leer ({ $error })
import-no-front-matter = no tiene encabezado `---`
import-front-matter-not-keys = su encabezado no es una lista de claves
import-bad-yaml = su YAML no se puede leer ({ $error })
import-kept-edited = se editó después de importarse: se deja como está
import-kept-not-imported = ya existe y no lo escribió una importación: se deja como está
import-renamed = otro conjunto importado también se llama `{ $original }`: este queda como `{ $renamed }`

## Notas: lo que no se importó tal cual, y por qué

import-kind-guessed = tipo `{ $kind }` deducido del nombre «{ $name }» (por «{ $word }»): revísalo
import-kind-unknown = no se pudo saber el tipo de «{ $name }» por su nombre: queda como `organizacion` hasta que lo cambies
import-no-organization = los conjuntos sin organización quedaron en el participante `sin-organizacion`
import-organization-without-file = la organización «{ $name }» no tiene archivo en _organizations/: se creó un participante con su nombre
import-key-repeated = la clave `{ $key }` está escrita dos veces: se tomó su último valor, como hace Jekyll
import-not-an-email = el correo de contacto `{ $email }` no es una dirección de correo
import-not-a-date = «{ $value }» no es una fecha
import-not-a-frequency = «{ $value }» no es una frecuencia que abierto conozca
import-not-a-period = «{ $value }» no es un periodo que abierto sepa leer (escribe `AAAA-MM-DD/AAAA-MM-DD`)
import-frequency-in-date = «{ $value }» es una frecuencia, no una fecha: pasó a `frequency`
import-html-converted = la descripción estaba en HTML: se convirtió a Markdown
import-url-encoded = la dirección `{ $url }` tenía espacios u otros caracteres que una dirección no admite: se codificaron con `%`
import-resource-not-web = recurso «{ $title }»: `{ $url }` no es una dirección http(s)
import-resource-no-url = recurso «{ $title }»: no tiene URL
import-resource-not-keys = un recurso que no es una lista de claves
import-source-page = página de origen: { $url }
import-version = versión: { $version }
import-license-none = el origen no declara licencia: el descriptor lo dice y no se supone ninguna
import-license-not-declared = «{ $name }» no declara licencia: el descriptor lo dice y no se supone ninguna
import-license-not-declared-name = Licencia no declarada por el publicador
import-license-unlisted = la licencia «{ $name }» no está en _licenses/ ni en _data/licenses.yml: se conservó su nombre, con la página del conjunto en el origen como dirección
import-license-no-address = la licencia «{ $name }» no tiene dirección: la página del conjunto en el origen la representa
import-extra-geometry = una geometría; abierto pide el nombre de un lugar en `spatial`
import-other-key = `{ $key }` = { $value } no tiene lugar en abierto: se conserva como comentario

## --fetch

import-fetch-not-a-file = `{ $url }` es una dirección { $format }, no un archivo: queda como enlace
import-fetch-total = `{ $url }`: se alcanzó el total de { $limit } para descargas: queda como enlace
import-fetch-skipped = `{ $url }` queda como enlace: { $why }
import-fetch-too-large = pesa más de { $limit }
import-fetch-web-page = el servidor respondió con una página web, no con el archivo
import-fetch-cannot-write = no se puede escribir ({ $error })
