# cli

cli-written = Portal written to { $folder }
cli-created = created { $path }
cli-kept = kept    { $path } (it existed already)
cli-import-note = note: { $subject }: { $note }
cli-import-summary = { $created ->
    [one] 1 file created
   *[other] { $created } files created
}, { $kept } kept, { $notes ->
    [one] 1 note
   *[other] { $notes } notes
}: run `abierto check` on the site next
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
