# import

## Refusals

import-cannot-read = cannot read { $path }: { $error }
import-cannot-read-help = give a file saved from a CKAN API call, e.g. `curl …/api/3/action/package_search?rows=1000 > ckan.json`
import-cannot-write = cannot write { $path }: { $error }
import-cannot-write-help = check that the site's folder can be written; files listed before this one were written
import-not-json = this is not JSON from the CKAN API: { $error }
import-not-json-help = save the answer of `…/api/3/action/package_search?rows=1000` or `package_show?id=…` as is
import-ckan-error = the CKAN API answered with an error: { $message }
import-ckan-error-none = no message
import-ckan-error-help = call the API again and save a successful answer
import-no-packages = this JSON holds no CKAN packages
import-no-packages-help = use the answer of `package_show`, `package_search` (its `result.results`) or a list of packages
import-no-datasets-folder = { $folder } has no _datasets folder
import-no-datasets-folder-help = give the folder of the JKAN site (the one holding _datasets/ and _organizations/)

## Notes: what was not imported, and why

import-package-not-object = not imported: it is not a JSON object
import-package-nameless = not imported: it has neither a name nor a title
import-no-organization = packages without an organization were put under this participant
import-kind-unknown = the kind of `{ $name }` could not be told from its name: it is `organizacion` until you change it
import-descriptor-exists = not imported: { $path } already exists and was left as it is
import-renamed = another imported dataset is also called `{ $original }`: this one is `{ $renamed }`
import-no-category = { $what ->
    [group] group
   *[category] category
} `{ $name }`: portal.toml declares no such category (add it as a [[categories]] table to keep it)
import-not-an-email = contact e-mail `{ $email }` is not an e-mail address
import-resource-not-web = resource `{ $title }`: `{ $url }` is not an http(s) address
import-resource-no-url = resource `{ $title }`: it has no URL
import-source-page = source page: { $url }
import-version = version: { $version }
import-licence-unknown = licence `{ $name }`: not a known licence and without a web address
import-licence-not-known = licence `{ $name }`: not a known licence
import-extra = extra `{ $key }` = { $value }{ $why ->
    [period] : not a period abierto can read (write `AAAA-MM-DD/AAAA-MM-DD`)
    [date] : not a date
    [geometry] : a geometry; abierto takes a place name in `spatial`
    [frequency] : not a frequency abierto knows
   *[other] {""}
}
import-other-key = `{ $key }` = { $value }
import-cannot-read-file = not imported: cannot read it ({ $error })
import-no-front-matter = not imported: no `---` front matter
import-front-matter-not-keys = not imported: the front matter is not a list of keys
import-bad-yaml = not imported: its YAML cannot be read ({ $error })
