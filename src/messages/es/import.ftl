# import

## Refusals

import-cannot-read = no se puede leer { $path }: { $error }
import-cannot-read-help = indica un archivo guardado de una consulta a la API de CKAN, por ejemplo `curl …/api/3/action/package_search?rows=1000 > ckan.json`
import-cannot-write = no se puede escribir { $path }: { $error }
import-cannot-write-help = revisa que se pueda escribir en la carpeta del sitio; los archivos listados antes de este sí se escribieron
import-not-json = esto no es JSON de la API de CKAN: { $error }
import-not-json-help = guarda tal cual la respuesta de `…/api/3/action/package_search?rows=1000` o de `package_show?id=…`
import-ckan-error = la API de CKAN respondió con un error: { $message }
import-ckan-error-none = sin mensaje
import-ckan-error-help = vuelve a consultar la API y guarda una respuesta exitosa
import-no-packages = este JSON no contiene paquetes de CKAN
import-no-packages-help = usa la respuesta de `package_show`, de `package_search` (su `result.results`) o una lista de paquetes
import-no-datasets-folder = { $folder } no tiene carpeta _datasets
import-no-datasets-folder-help = indica la carpeta del sitio JKAN (la que contiene _datasets/ y _organizations/)

## Notes: what was not imported, and why

import-package-not-object = no se importó: no es un objeto JSON
import-package-nameless = no se importó: no tiene nombre ni título
import-no-organization = los paquetes sin organización quedaron en este participante
import-kind-unknown = el nombre de `{ $name }` no dice qué tipo de participante es: queda como `organizacion` hasta que lo cambies
import-descriptor-exists = no se importó: { $path } ya existe y se dejó como estaba
import-renamed = otro conjunto de datos importado también se llama `{ $original }`: este queda como `{ $renamed }`
import-no-category = { $what ->
    [group] grupo
   *[category] categoría
} `{ $name }`: portal.toml no declara esa categoría (agrégala como tabla `[[categories]]` para conservarla)
import-not-an-email = el correo de contacto `{ $email }` no es una dirección de correo electrónico
import-resource-not-web = recurso `{ $title }`: `{ $url }` no es una dirección http(s)
import-resource-no-url = recurso `{ $title }`: no tiene URL
import-source-page = página de origen: { $url }
import-version = versión: { $version }
import-licence-unknown = licencia `{ $name }`: no es una licencia conocida y no tiene dirección web
import-licence-not-known = licencia `{ $name }`: no es una licencia conocida
import-extra = extra `{ $key }` = { $value }{ $why ->
    [period] : no es un periodo que abierto sepa leer (escribe `AAAA-MM-DD/AAAA-MM-DD`)
    [date] : no es una fecha
    [geometry] : es una geometría; abierto espera el nombre de un lugar en `spatial`
    [frequency] : no es una frecuencia que abierto conozca
   *[other] {""}
}
import-other-key = `{ $key }` = { $value }
import-cannot-read-file = no se importó: no se puede leer ({ $error })
import-no-front-matter = no se importó: no tiene front matter `---`
import-front-matter-not-keys = no se importó: el front matter no es una lista de claves
import-bad-yaml = no se importó: su YAML no se puede leer ({ $error })
