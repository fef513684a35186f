# cli

cli-written = Portal written to { $folder }
cli-written-portal = Portal of { $participant } written to { $folder }
cli-created = created { $path }
cli-import-kept = kept { $path }: { $why }
cli-import-skipped = not imported: { $source }: { $why }
cli-import-fetch-skipped = not downloaded: { $source } › { $field }: { $why }
cli-import-notes-heading = { $notes ->
    [one] 1 note
   *[other] { $notes } notes
}, by kind (each one is also a comment in its descriptor):
cli-import-note-group =   { $count } × `{ $field }`: { $note } (e.g. { $source })
cli-import-partial = only { $read } of { $declared } datasets were in the source: the rest were not imported
cli-import-categories = { $count ->
    [one] 1 category added
   *[other] { $count } categories added
} to portal.toml: { $ids }
cli-import-fetched = --fetch: { $files ->
    [one] 1 file downloaded
   *[other] { $files } files downloaded
} ({ $size }), { $skipped } left as links
cli-import-summary = { $read ->
    [one] 1 dataset read
   *[other] { $read } datasets read
}: { $created } files created, { $updated } updated, { $unchanged } unchanged, { $kept } kept, { $skipped } skipped; run `abierto check` on the site next
cli-import-bad-size = `{ $size }` is not a size
cli-import-bad-size-help = write a number and a unit: `100 MB`, `1.5 GB`, `512 KB`
cli-build-summary = { $datasets ->
    [one] 1 dataset
   *[other] { $datasets } datasets
}, { $pages ->
    [one] 1 page
   *[other] { $pages } pages
}, { $files ->
    [one] 1 file
   *[other] { $files } files
} in { $seconds } s: { $problems }
cli-check-summary = { $datasets ->
    [one] 1 dataset
   *[other] { $datasets } datasets
}, { $pages ->
    [one] 1 page
   *[other] { $pages } pages
} checked in { $seconds } s: { $problems }
cli-external-summary = external links: { $links ->
    [one] 1 link
   *[other] { $links } links
} to { $addresses ->
    [one] 1 address
   *[other] { $addresses } addresses
}, { $asked } asked, { $broken } broken, in { $seconds } s

## Command-line help (`abierto --help`, `abierto <command> --help`)

cli-help-usage = Usage
cli-help-commands = Commands
cli-help-arguments = Arguments
cli-help-options = Options
cli-help-default = { $help } [default: { $default }]
cli-help-possible-values = { $help } [possible values: { $values }]
cli-help-help = Print help
cli-help-version = Print version
cli-help-help-command = Print this message or the help of the given subcommand(s)
cli-help-about = Static-site generator for open-data portals
cli-help-lang = The language of messages: es or en (by default the site's `language`; outside a site, LANG)
cli-help-site = The site folder (holding portal.toml)
cli-help-base-url = Replaces `base_url` from portal.toml
cli-help-build = Builds the portal into a folder (exit 0 only when the site has no error)
cli-help-build-output = The output folder
cli-help-build-base-url = Replaces `base_url` from portal.toml (e.g. for a GitHub project page)
cli-help-build-no-minify = Writes HTML as rendered, without minifying it
cli-help-build-force = Uses the output folder even if it holds files abierto did not write
cli-help-build-quiet = Prints only problems and the summary (no progress)
cli-help-timings = Prints how long each stage took, and the memory held after it
cli-help-portal-participant = Builds that participant's own portal (its `[portal]` in participant.toml): only its data, stories and pages, with its title, logo, colour and address
cli-help-build-all-portals = Builds the network's portal in the output folder and, beside it, the portal of each participant declaring `[portal]` (OUTPUT-<participant>), with one analysis of the data
cli-help-check = Validates the site without writing the portal: metadata, freshness, files, links and personal data. Exit 0 when clean, 1 on errors, 2 on warnings with --strict
cli-help-check-format = How to print the findings: text for people, json for programs, github for GitHub Actions
cli-help-check-strict = Fails (exit 2) on warnings too
cli-help-check-external = Also asks every external (http/https) link of stories, pages and descriptors whether it still works; a broken one is a warning
cli-help-check-external-timeout = Seconds to wait for one external link's answer (with --external)
cli-help-check-external-deadline = Seconds the whole external check may take; links not asked by then are noted (with --external)
cli-help-check-previous = Compares with a previous build of the portal (a build folder, its sitemap.xml or the published sitemap's address): a dataset that disappears without being listed in `former_ids` is an error
cli-help-new = Creates a site, participant, story or dataset that builds as it is
cli-help-new-site = A new site: portal.toml, a participant, a dataset, a story, an about page and a GitHub Pages workflow
cli-help-new-site-dir = The folder of the new site (new or empty)
cli-help-new-participant = A participant: participants/ID/participant.toml
cli-help-new-participant-id = The participant's id: lower-case letters, digits and hyphens
cli-help-new-story = A story of a participant, dated today, its file named after its title
cli-help-new-participant-of = The id of the participant it belongs to
cli-help-new-story-title = The story's title
cli-help-new-dataset = A dataset descriptor filled from a data file, which is copied into the participant's datos/
cli-help-new-dataset-from = The data file to publish
cli-help-new-site-folder = The site folder
cli-help-import = Turns another portal's metadata (CKAN, JKAN, DCAT) into participants and descriptors
cli-help-import-ckan = A CKAN portal: its address (paged through its API), or an answer saved to a file (package_search, package_show, a list of packages, `ckanapi dump` lines)
cli-help-import-ckan-source = The CKAN portal's address, or the file holding its answer
cli-help-import-dcat = A DCAT catalog: a DCAT-US data.json or DCAT-AP JSON-LD, as a file or its address
cli-help-import-dcat-source = The catalog's file or address
cli-help-import-fetch = Download each remote resource into the participant's datos/ folder
cli-help-import-max-file-size = With --fetch: the largest file downloaded
cli-help-import-max-total-size = With --fetch: all the files downloaded together
cli-help-import-jkan = A JKAN site's folder (with _datasets/ and _organizations/)
cli-help-import-jkan-dir = The folder of the JKAN site
cli-help-import-into = The site to write into
cli-help-serve = Previews the portal: serves it, rebuilds on every save and reloads the browser
cli-help-serve-port = The port to serve on (the next free one if it is taken; 0 for any)
cli-help-serve-bind = The address to listen on; e.g. 0.0.0.0 opens the preview to the network
cli-help-serve-no-drafts = Leaves out `draft = true` stories, as `build` does
cli-help-serve-quiet = Prints only the address and problems

cli-error-unknown-argument = there is no option { $arg }
cli-error-unknown-command = there is no command `{ $command }`
cli-error-invalid-value = { $value } is not a valid value for { $arg }
cli-error-missing-argument = { $arg } is missing
cli-error-missing-command = a command is missing: build, check, serve, new or import
cli-error-conflict = { $arg } cannot be used with { $other }
cli-error-other = the command line is not understood
cli-error-help-nearest = did you mean `{ $nearest }`? Run `abierto --help` to see the commands and their options
cli-error-help = run `abierto --help` to see the commands and their options
cli-error-help-valid = the possible values are: { $values }
