# load

load-text-too-large = this file is { $size }: abierto reads descriptors, stories and pages of up to { $limit }
load-text-too-large-help = split it into several files, or move data out of it into a data file

## Reading TOML (toml_file.rs, toml_explain.rs, toml_syntax.rs)

load-unknown-key = unknown key `{ $key }`
load-unknown-key-nearest = did you mean `{ $nearest }`? Keys allowed here: { $allowed }
load-unknown-key-allowed = keys allowed here: { $allowed }
load-unknown-value = unknown value `{ $value }`
load-unknown-value-nearest = did you mean `{ $nearest }`? Values allowed: { $allowed }
load-unknown-value-allowed = values allowed: { $allowed }
load-missing-key = the required key `{ $key }` is missing
load-missing-key-help = add a line `{ $key } = …`
load-not-a-date = this should be a date
load-not-a-date-help = write the date without quotes, as in `issued = 2014-10-10`
load-invalid-date = `{ $text }` is not a valid date
load-date-month-help = the month goes from 01 to 12: write the date as year-month-day, as in `2014-10-10`
load-date-day-help = that month has { $days } days: write the date as year-month-day, as in `2014-10-10`
load-date-format-help = write the date as year-month-day, without quotes, as in `2014-10-10`
load-time-without-date = this is a time without a date
load-time-without-date-help = write a date such as 2014-10-10
load-wrong-kind = wrong kind of value: { $expected } goes here, not { $found }
load-wrong-kind-help = write { $expected } here
load-value-kind = { $kind ->
    [text] a text in quotes
    [integer] a whole number
    [number] a number
    [boolean] `true` or `false`
    [array] a list `[…]`
    [table] a table
    [date] a date
    [license] a licence id such as "cc-by-4.0", or a table with `id`, `name` and `url`
   *[other] another kind of value
}
load-value-not-read = this value cannot be read: { $detail }
load-value-not-read-help = check what the key takes in the documentation of this file
load-invalid-link = `{ $link }` is not a valid link
load-invalid-link-help = write a full address starting with { $schemes }
load-invalid-email = `{ $address }` is not an e-mail address
load-invalid-email-help = write an address such as datos@municipio.gob.mx

load-toml-unclosed-string = the quotes are not closed on this line
load-toml-unclosed-string-help = end the text with `{ $quote }` on the same line (a text of several lines goes between `"""`)
load-toml-unclosed-text = the text opened with `{ $quotes }` is never closed
load-toml-unclosed-text-help = end the text with `{ $quotes }`
load-toml-escape = this backslash `\` starts no escape TOML knows
load-toml-escape-help = write `\\` for a backslash, or put the text between single quotes `'…'` to keep it as it is
load-toml-missing-equals = the `=` after the key is missing
load-toml-missing-equals-help = write `key = value`; a key with spaces goes in quotes, as in `"my key" = 1`
load-toml-missing-value = the value after `=` is missing
load-toml-missing-value-help = write the value, as in `title = "…"`
load-toml-unquoted = `{ $text }` is a text without quotes
load-toml-unquoted-help = put it in quotes: `"{ $text }"`
load-toml-duplicate-key = the key `{ $key }` is written twice
load-toml-duplicate-key-help = keep only one of the two lines
load-toml-header = the table header is not closed with `{ $close }`
load-toml-header-help = write the header on a line of its own, as `[contact]` or `[[resources]]`
load-toml-key = a key is missing here, or it has characters a key cannot have without quotes
load-toml-key-help = keys are made of letters, digits, `-` and `_`, as in `start_date = …`; put any other key in quotes
load-toml-unclosed = { $what ->
    [array] the list is not closed with `]`
   *[table] the table written between braces is not closed with `{"}"}`
}
load-toml-unclosed-help = close it with `{ $close }` on the same line
load-toml-missing-comma = a comma is missing between two items
load-toml-missing-comma-help = separate the items with `,`, as in `["a", "b"]`
load-toml-extra-comma = there is one comma too many here
load-toml-extra-comma-help = remove the extra comma
load-toml-trailing = something else follows the value on this line
load-toml-trailing-help = put each key on a line of its own; a comment starts with `#`
load-toml-number = this number is not written the way TOML reads numbers
load-toml-number-help = write it without leading zeros, as in `1200`; a code (a postal code, a key) goes in quotes: `"01000"`
load-toml-syntax = TOML cannot read this: { $detail }
load-toml-syntax-help = check the TOML syntax: `key = "text"`, one key per line

## The site's folder and files (mod.rs, layout.rs)

load-no-folder = this folder does not exist
load-no-folder-help = give the folder that holds portal.toml, e.g. `abierto build example-site`
load-no-portal = the site has no readable portal.toml
load-no-portal-help = create portal.toml with at least `title = "…"`, or run `abierto build` on the site's folder
load-no-participants-folder = the site has no participants folder
load-no-participants-folder-help = create participants/<id>/participant.toml for each publisher
load-no-participant-file = this participant folder has no participant.toml
load-no-participant-file-help = add participant.toml with `name` and `kind` (municipio, estado, federal or organizacion)
load-symlink-outside = this symbolic link points outside the site
load-symlink-outside-help = replace the link with a copy of the file
load-case-collision = this file and `{ $other }` differ only in capitals: on Windows and macOS they are the same file, and one would replace the other
load-case-collision-help = rename one of the two (or delete the one not needed)
load-not-utf8 = this file is not UTF-8 text
load-not-utf8-help = save it as UTF-8 (in most editors: “Save with encoding” → UTF-8)
load-cannot-read = cannot read this file: { $reason }
load-cannot-read-folder = cannot read this folder: { $reason }
load-io-permission = permission denied
load-io-not-found = it does not exist
load-io-loop = a symbolic link loops back to a folder above it
load-io-other = { $detail }
load-io-in-use = another program has it open (Excel?): close it and try again
load-id-collision = this { $what ->
    [participant] participant
    [dataset] dataset
    [story] story
   *[page] page
} has the id `{ $id }`, like `{ $first }`
load-id-collision-help = ids come from file and folder names (lower-case, accents removed): rename one of the two
load-reserved-page = a page cannot be called `{ $slug }`: the portal uses that address
load-reserved-page-help = rename the file

## portal.toml (portal.rs)

load-portal-empty-title = the portal's `title` is empty
load-portal-empty-title-help = write the portal's name
load-unknown-theme = unknown theme `{ $theme }`
load-unknown-theme-help = use `theme = "default"` and override templates in the site's `templates/` folder
load-not-a-colour = `{ $colour }` is not a colour
load-not-a-colour-help = write a hexadecimal colour such as "#0b5e55"
load-preview-rows = `preview_rows` must be between { $min } and { $max }
load-preview-rows-help = { $rows } rows is a good preview on a phone
load-not-a-size = `{ $size }` is not a file size
load-not-a-size-help = write a size such as "100 MB" (B, KB, MB or GB)
load-not-a-repository = `{ $url }` is not the web address of a repository
load-not-a-repository-help = write the address of its page on the forge, like https://github.com/OWNER/REPO (GitHub, GitLab, Gitea and Forgejo are known)
load-not-a-branch = `{ $branch }` is not a branch name
load-not-a-branch-help = write the branch the portal is published from, like "main"
load-category-id-not-segment = the category id `{ $id }` is not a valid URL segment
load-category-twice = the category `{ $id }` is declared twice
load-category-twice-help = keep one `[[categories]]` table per id
load-unknown-license = unknown licence `{ $id }`
load-unknown-license-nearest = did you mean `{ $nearest }`? Known licences: { $known }
load-unknown-license-declare = use one of { $known } or declare the licence as a `[license]` table with `id`, `name` and `url`
load-write-as = write it as `{ $id }`

## participant.toml (participant.rs)

load-participant-empty-name = the participant's `name` is empty
load-participant-empty-name-help = write its official name
load-portal-logo-outside = the logo `{ $path }` is not in the participant's folder
load-portal-logo-outside-help = put the image beside participant.toml and write its name, such as `logo = "logo.svg"`
load-portal-logo-kind = the logo `{ $path }` is not an image
load-portal-logo-kind-help = a logo may be: { $extensions }
load-portal-network-address = `{ $url }` is the network portal's address
load-portal-same-address = `{ $url }` is already the address of the portal declared in { $other }
load-portal-same-address-help = every portal needs its own address: write this participant's in `base_url`, such as "https://data.city.gov/"
load-portal-unknown-page = the network has no page `{ $slug }`
load-portal-unknown-page-nearest = did you mean `{ $nearest }`? `pages` names the pages of the site's pages/ folder that this portal keeps
load-portal-unknown-page-help = `pages` names the pages of the site's pages/ folder that this portal keeps: { $known }; its own go in the participant's pages/ folder

## Dataset descriptors (descriptor/)

load-dataset-empty-title = the dataset's `title` is empty
load-dataset-empty-title-help = write a title that says what the data are
load-dataset-empty-description = the dataset's `description` is empty
load-dataset-empty-description-help = describe what the data contain, where they come from and how they are updated
load-too-many-keywords = the dataset has { $count } keywords; a dataset may have at most { $max }
load-too-many-keywords-help = keep the words people search for; themes go in `categories`
load-dataset-no-license = the dataset has no licence
load-dataset-no-license-help = add `license = "libre-uso-mx"` (or another licence id), or set `default_license` in portal.toml
load-dataset-no-resource = a published dataset needs at least one resource
load-dataset-no-resource-help = add a `[[resources]]` table with a `path` or `url`, or set `status = "planned"`
load-unknown-category = unknown category `{ $id }`
load-unknown-category-nearest = did you mean `{ $nearest }`? Categories are declared in portal.toml
load-unknown-category-declare = declare it in portal.toml as a `[[categories]]` table, or use one of: { $known }
load-former-id-twice = `{ $id }` is listed twice in `former_ids`
load-former-id-twice-help = keep one of the two
load-not-a-dataset-id = `{ $id }` is not a dataset id
load-dataset-id-example = write it as `participant/old-name`, the participant's folder and the old descriptor's file name without .toml
load-former-id-own = `former_ids` lists `{ $id }`, the dataset's own id
load-former-id-taken = the former id `{ $id }` is the id of another dataset, `{ $other }`
load-former-id-taken-help = a former id is the id a dataset had before it was renamed: remove it, or rename the other dataset
load-former-id-shared = the former id `{ $id }` is also listed by `{ $other }`
load-former-id-shared-help = an old address can redirect to one dataset only: keep it in one of the two descriptors
load-same-published-name = `{ $first }` and `{ $second }` would both be published as `{ $name }`
load-same-published-name-help = rename one of the two files
load-unknown-encoding = unknown encoding `{ $encoding }`
load-unknown-encoding-help = use a standard label such as `utf-8`, `windows-1252` or `iso-8859-1`
load-resource-path-and-url = this resource has both `path` and `url`
load-resource-path-and-url-help = keep `path` for a file in the site, or `url` for a file hosted elsewhere
load-resource-no-location = this resource has neither `path` nor `url`
load-resource-no-location-help = add `path = "datos/archivo.csv"` (relative to this file) or `url = "https://…"`
load-path-absolute = `{ $path }` is an absolute path
load-path-absolute-help = write the path relative to this file's folder, as in `datos/archivo.csv`
load-path-leaves-site = `{ $path }` points outside the site folder
load-path-leaves-site-help = keep data files inside the site; copy the file into the participant's folder
load-path-missing = the file `{ $path }` does not exist
load-path-missing-help = check the spelling and the folder; paths are relative to this file's folder
load-path-other-case = the file `{ $path }` does not exist with these capitals: in its folder it is `{ $exact }`
load-path-other-case-help = write `{ $exact }`: Windows and macOS ignore the difference between capitals and small letters, but Linux and GitHub do not, and there the portal would not find the file
load-path-folder = `{ $path }` is a folder, not a file
load-path-folder-help = name a file inside it

## Stories and pages (markdown_file.rs, mod.rs)

load-no-front-matter = the file does not start with front matter
load-no-front-matter-help = start the file with a line `+++`, then `title = "…"` and the other keys, then another `+++` line
load-front-matter-unclosed = the front matter is never closed
load-front-matter-unclosed-help = add a line `+++` after the last key of the front matter
load-cover-problem = cover: { $problem }
load-cover-problem-help = put the image in the story's folder and write its name, e.g. `cover = "portada.png"`
load-cover-outside = cover: `{ $path }` is not in the story's folder
load-cover-outside-help = put the image beside the story (or in a folder below it): it is published next to the story's page
load-cover-not-image = cover: `{ $path }` is not an image
load-cover-not-image-help = a cover is one of: { $extensions }
load-unknown-dataset = unknown dataset `{ $id }`
load-unknown-dataset-nearest = did you mean `{ $nearest }`? Dataset ids are `<participant>/<descriptor file name>`
load-unknown-dataset-help = dataset ids are `<participant>/<descriptor file name without .toml>`
load-explore-max-rows = `explore_max_rows` must be a whole number from 0 to { $max }
load-explore-max-rows-help = 0 makes no explorer; { $rows } (the value when unset) explores tables of up to a million rows
load-boundary-format = `boundary` names «{ $path }», which is not a GeoJSON (.geojson, .json) nor a KML (.kml) file
load-boundary-format-help = a boundary is the participant's outline, saved from the GIS as GeoJSON or KML
load-maps-tiles = `tiles` must be a tile address with `{"{"}z{"}"}`, `{"{"}x{"}"}` and `{"{"}y{"}"}` in it; «{ $url }» lacks some
load-maps-tiles-help = write the server's address as its documentation gives it, e.g. "https://tile.openstreetmap.org/{"{"}z{"}"}/{"{"}x{"}"}/{"{"}y{"}"}.png"
load-maps-attribution = `tiles` needs its `attribution`: tile servers ask to be credited on the map
load-maps-attribution-help = add the credit the server asks for, e.g. attribution = "© OpenStreetMap contributors"
load-maps-basemap = `basemap` («{ $path }»): vector basemaps (PMTiles) are not drawn yet; maps show the data over the participants' outlines
load-maps-basemap-help = for now, set `tiles` and `attribution` to draw a tile server's map under the data
load-keep-versions = `keep_versions` must be a whole number between 0 and { $max }
load-keep-versions-help = it is how many previous versions of each data file are published with the portal; 0 (the value when not set) links to the repository's copy instead
