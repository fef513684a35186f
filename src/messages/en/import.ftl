# import

## Refusals

import-cannot-read = cannot read { $path }: { $error }
import-cannot-read-help = give a catalog saved to a file (a CKAN API answer, `ckanapi dump` lines, a data.json or DCAT JSON-LD), or its web address
import-file-too-large = it is larger than 2 GB
import-cannot-write = cannot write { $path }: { $error }
import-cannot-write-help = check that the site's folder can be written; files listed before this one were written
import-not-json = this is not JSON: { $error }
import-not-json-looks = this is not JSON: it looks like { $looks }
import-not-json-help = save the answer of `…/api/3/action/package_search?rows=1000` or `package_show?id=…` as is, or give the portal's address to `abierto import ckan`
import-looks-empty = an empty file
import-looks-challenge = a bot-check page («{ $title }») that the server showed instead of the data: open the address in a browser and save the answer, or give the portal's address to `abierto import ckan`
import-looks-html = an HTML page («{ $title }»), not an API answer
import-looks-xml = XML (RDF/XML or a web feed)
import-looks-turtle = RDF Turtle: publish or save the catalog as JSON-LD
import-looks-csv = a CSV table
import-looks-text = text starting «{ $start }»
import-ckan-error = the CKAN API answered with an error: { $message }
import-ckan-error-none = no message
import-ckan-error-help = call the API again and save a successful answer
import-no-packages = this JSON holds no CKAN packages
import-no-packages-help = use the answer of `package_show`, `package_search` (its `result.results`), a list of packages or `ckanapi dump`'s lines
import-no-datasets-folder = { $folder } has no _datasets folder
import-no-datasets-folder-help = give the folder of the JKAN site (the one holding _datasets/ and _organizations/)
import-dcat-no-datasets = this catalog holds no datasets (no `dataset` list of a data.json, no `dcat:Dataset` node)
import-dcat-help = give a DCAT-US data.json or a DCAT-AP catalog in JSON-LD, as a file or its address
import-cannot-ask = could not get { $url }: { $problem }
import-cannot-ask-help = check the address and the connection; the import tries each request again a few times before it gives up
import-http-status = the server answered { $status }
import-http-too-large = it is larger than { $limit }
import-http-timeout = the server did not answer in time
import-http-network = { $error }
import-http-deadline = the import's time ran out before it was asked

## What happened to an item, and why

import-package-not-object = it is not a JSON object
import-package-nameless = it has neither a name nor a title
import-cannot-read-file = it cannot be read ({ $error })
import-no-front-matter = it has no `---` front matter
import-front-matter-not-keys = its front matter is not a list of keys
import-bad-yaml = its YAML cannot be read ({ $error })
import-kept-edited = edited since it was imported: left as it is
import-kept-not-imported = it exists and no import wrote it: left as it is
import-renamed = another imported dataset is also called `{ $original }`: this one is `{ $renamed }`

## Notes: what was not imported as it was, and why

import-kind-guessed = kind `{ $kind }` deduced from the name «{ $name }» (from «{ $word }»): check it
import-kind-unknown = the kind of «{ $name }» could not be told from its name: it is `organizacion` until you change it
import-no-organization = datasets without an organization were put under the participant `sin-organizacion`
import-organization-without-file = the organization «{ $name }» has no file in _organizations/: a participant was made from its name
import-key-repeated = the key `{ $key }` is written twice: its last value was taken, as Jekyll does
import-not-an-email = contact e-mail `{ $email }` is not an e-mail address
import-not-a-date = «{ $value }» is not a date
import-not-a-frequency = «{ $value }» is not a frequency abierto knows
import-not-a-period = «{ $value }» is not a period abierto can read (write `AAAA-MM-DD/AAAA-MM-DD`)
import-frequency-in-date = «{ $value }» is a frequency, not a date: it went to `frequency`
import-html-converted = the description was HTML: it was converted to Markdown
import-url-encoded = the address `{ $url }` had spaces or other characters an address cannot hold: they were percent-encoded
import-resource-not-web = resource «{ $title }»: `{ $url }` is not an http(s) address
import-resource-no-url = resource «{ $title }»: it has no URL
import-resource-not-keys = a resource that is not a list of keys
import-source-page = source page: { $url }
import-version = version: { $version }
import-license-none = the source states no licence: the descriptor says so, and no licence is assumed
import-license-not-declared = «{ $name }» states no licence: the descriptor says so, and no licence is assumed
import-license-not-declared-name = Licence not stated by the publisher
import-license-unlisted = the licence «{ $name }» is not in _licenses/ nor _data/licenses.yml: its name was kept, with the dataset's page at the source as its address
import-license-no-address = the licence «{ $name }» has no address: the dataset's page at the source stands for it
import-extra-geometry = a geometry; abierto takes a place name in `spatial`
import-other-key = `{ $key }` = { $value } has no place in abierto: kept as a comment

## --fetch

import-fetch-not-a-file = `{ $url }` is a { $format } address, not a file: it stays a link
import-fetch-total = `{ $url }`: the total of { $limit } for downloads was reached: it stays a link
import-fetch-skipped = `{ $url }` stays a link: { $why }
import-fetch-too-large = it is larger than { $limit }
import-fetch-web-page = the server answered with a web page, not the file
import-fetch-cannot-write = cannot write it ({ $error })
