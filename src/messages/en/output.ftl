# output

output-collision = this would be written to `{ $target }`, like `{ $first }`
output-collision-portal = this would be written to `{ $target }`, where the portal writes a page or file of its own
output-collision-pages = the portal would write two pages or files to `{ $target }`: two names in the site lead to the same address
output-collision-help = rename one of the two files
output-is-root = the output folder cannot be the root of the file system
output-holds-site = the output folder holds the site itself: building there would replace the site
output-own-folder-help = write the portal to a folder of its own, e.g. `-o public`
output-inside-source = the output folder is inside the site's `{ $folder }` folder
output-is-file = the output path is a file, not a folder
output-is-file-help = choose another output folder
output-foreign-files = the output folder holds files abierto did not write (`{ $first }`{ $more ->
    [0] {""}
   *[other] {" "}and { $more } more
})
output-foreign-files-help = choose an empty or new folder, or pass --force to replace its contents
output-write-failed = cannot write the portal here: { $error }
output-in-use = another program has a file of the portal open (File Explorer, a browser, an editor?), and Windows does not let it be replaced: close it and build again; the previous portal is as it was
output-not-ours = cannot write the portal here: { $folder } was not written by abierto; move it away and build again
