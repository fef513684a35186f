# serve

serve-not-loaded = the site could not be loaded
serve-page-title = The site has errors
serve-overlay-title = The site has { $count ->
    [one] 1 error
   *[other] { $count } errors
}
serve-overlay-intro = This page is the last one that built. Fix the files below: the page reloads by itself.
serve-overlay-hide = Hide
serve-changed = Changed: { $name } ({ $kind ->
    [config] portal settings
    [participant] participant
    [descriptor] dataset
    [story] story
    [page] page
    [data-file] data file
    [static] static file
   *[template] template
})
serve-rebuilt = { $first ->
    [yes] Built
   *[other] Rebuilt
} in { $ms } ms: { $rendered } of { $pages ->
    [one] 1 page rendered
   *[other] { $pages } pages rendered
}, { $read ->
    [one] 1 data file read
   *[other] { $read } data files read
}, { $problems }.
serve-errors-shown = The browser shows these errors over the last good pages until they are fixed.

serve-no-folder = { $folder }: this folder does not exist
serve-no-address = the server has no address: { $error }
serve-cannot-listen = cannot listen on { $address }: { $error }
serve-port-taken = Port { $port } is taken; using { $other } instead.
serve-cannot-watch-site = cannot watch the site: { $error }
serve-cannot-watch = cannot watch { $folder }: { $error }
serve-cannot-handle-ctrl-c = cannot handle Ctrl-C: { $error }
serve-serving = Serving { $site } at { $url }
serve-open-to-network = Listening on { $address }: anyone on this network can see the preview, drafts included.
serve-watching = Watching for changes; press Ctrl-C to stop.
serve-stopped = Stopped.

## Plain answers of the preview server, shown in the browser

serve-http-failed = abierto failed to answer this request
serve-http-method = only GET and HEAD are served
serve-http-bad-address = this address is not a file of the portal
serve-http-unreadable = cannot read this file
serve-http-gone = this file is gone; the next rebuild will tell why
serve-http-not-found = not found
serve-http-too-many-tabs = too many open tabs
