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
