# check

check-allowed = { $message } (allowed by [check] in portal.toml)

report-summary = { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}, { $notes ->
    [one] 1 note
   *[other] { $notes } notes
}

## Metadata and freshness

check-missing-metadata = `{ $title }` lacks metadata that catalogs require: { $missing } (completeness { $score }%)
check-missing-metadata-help = add these keys to the descriptor so national and international catalogs accept the dataset
check-overdue = `{ $title }` is overdue: its { $frequency } update was due on { $due } ({ $days ->
    [one] 1 day
   *[other] { $days } days
} ago; last modified { $modified })
check-overdue-help = publish the new data and update `modified`, or change `frequency` to the real rhythm
check-promise-overdue = planned dataset `{ $title }` was promised for { $due } ({ $days ->
    [one] 1 day
   *[other] { $days } days
} ago) and is not published
check-promise-overdue-help = publish it (`status = "published"` with its resources) or set a new `expected` date
check-due-soon = `{ $title }` is due for its update on { $due }

## Files

check-unreferenced-file = no descriptor names this file: it will not be published
check-unreferenced-file-help = add a [[resources]] with this `path` to a descriptor, or remove the file
check-unreferenced-more = { $count ->
    [one] and 1 more file no descriptor names: it will not be published
   *[other] and { $count } more files no descriptor names: they will not be published
}
check-unreferenced-more-help = name them in descriptors, or move them out of the participant's folder
check-file-too-large = this file is { $megabytes } MB: git and GitHub refuse files over 100 MB
check-file-too-large-help = split it (e.g. by year), compress it, or host it elsewhere and give the resource a `url`
check-lfs-pointer = this is a Git LFS pointer, not the data: GitHub Pages would publish the pointer's text
check-lfs-pointer-help = commit the real file without LFS (under 100 MB), or host it elsewhere and give the resource a `url`
check-site-too-large = the portal would weigh { $megabytes } MB: GitHub Pages serves sites up to 1 GB
check-site-too-large-help = host the largest data files elsewhere and give their resources a `url`

## Links

check-anchor-missing = the anchor `#{ $fragment }` names no heading of this text
check-anchor-missing-none = this text has no headings to link to
check-anchor-missing-headings = headings here: { $headings }
check-link-leaves-base = the link `{ $destination }` leaves the portal's base path `{ $base }`
check-link-leaves-base-help = write links to the portal's pages as `dataset:…`, `page:…`, `story:…` or `participant:…`
check-link-no-page = the link `{ $destination }` names no page of this portal
check-link-no-page-help = check the address, or write it as `dataset:…`, `page:…`, `story:…` or `participant:…`
check-page-no-anchor = the page `{ $page }` has no anchor `#{ $fragment }`
check-page-no-anchor-help = link to a heading that exists on that page
check-link-no-file = the link `{ $destination }` names no file beside this text
check-link-no-file-help = put the file next to the Markdown file, or link to a portal page with `dataset:…`, `page:…`, `story:…`

## External links

check-external-broken = the link `{ $destination }` is broken: { $problem }
check-external-not-checked = { $count ->
    [one] 1 external link was not checked
   *[other] { $count } external links were not checked
}: the check stopped at its deadline of { $seconds } s
check-external-not-checked-help = run `abierto check --external --external-deadline SECONDS` with more time
check-external-status = the server answered { $status }{ $reason }{ $tries ->
    [one] {""}
   *[other] {" "}(tried { $tries } times)
}
check-external-gone = the page is gone: link to where it moved, or remove the link (the Internet Archive may keep a copy)
check-external-refused = the server refused the request (some refuse automated checks): open the link in a browser
check-external-server-failed = the server failed: check again later, or tell whoever runs it
check-external-open-in-browser = open the link in a browser and correct the address
check-external-no-host = the host name does not exist
check-external-no-host-help = check the address for typos; the site may have moved to another domain
check-external-timeout = no answer within { $seconds } s{ $tries ->
    [one] {""}
   *[other] {" "}(tried { $tries } times)
}
check-external-timeout-help = the server may be down for now: check again later (`--external-timeout` waits longer)
check-external-redirects = more than { $count } redirects
check-external-redirects-help = link to the address the redirects end at
check-external-no-connection = no connection ({ $error }){ $tries ->
    [one] {""}
   *[other] {" "}(tried { $tries } times)
}
check-external-down-help = the server may be down for now: check again later
check-external-error = { $error }

check-missing-field = `{ $field }` ({ $standards })
check-missing-field-about = `{ $field }`, { $about } ({ $standards })
check-missing-fields = { $list }; { $next }
check-dataset-gone = the dataset `{ $id }` was published at { $url } (according to { $place }) and this build no longer has it: its page, downloads, datapackage and API file would answer 404 to whoever uses them
check-dataset-gone-renamed-help = if `{ $new }` is the same dataset renamed, add `former_ids = ["{ $id }"]` to this descriptor: its old addresses will lead to the new ones
check-dataset-gone-help = if it was renamed, add `former_ids = ["{ $id }"]` to its new descriptor; if it was withdrawn on purpose, this error goes once the new build is published
check-previous-unreadable = cannot read the previous build of the portal at { $place }: { $error }
check-previous-no-datasets = { $place } lists no dataset of the portal
check-previous-help = give --previous a previous build's folder, its sitemap.xml, or the published sitemap's address (https://…/sitemap.xml)
check-modified-behind-data = `modified` of `{ $title }` says { $modified }, but its data changed later: on { $changed }, in commit { $commit } («{ $message }»)
check-modified-behind-data-help = set `modified = { $changed }`, or remove `modified`: without it, the portal uses the day of the last commit that changed the data
