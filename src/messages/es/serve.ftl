# serve

serve-not-loaded = no se pudo cargar el sitio
serve-page-title = El sitio tiene errores
serve-overlay-title = El sitio tiene { $count ->
    [one] 1 error
   *[other] { $count } errores
}
serve-overlay-intro = Esta es la última versión de la página que se construyó bien. Corrige los archivos de abajo: la página se recarga sola.
serve-overlay-hide = Ocultar
serve-changed = Cambió: { $name } ({ $kind ->
    [config] configuración del portal
    [participant] participante
    [descriptor] conjunto de datos
    [story] historia
    [page] página
    [data-file] archivo de datos
    [static] archivo estático
   *[template] plantilla
})
serve-rebuilt = { $first ->
    [yes] Construido
   *[other] Reconstruido
} en { $ms } ms: { $rendered } de { $pages ->
    [one] 1 página generada
   *[other] { $pages } páginas generadas
}, { $read ->
    [one] 1 archivo de datos leído
   *[other] { $read } archivos de datos leídos
}, { $problems }.
serve-errors-shown = El navegador muestra estos errores sobre las últimas páginas buenas hasta que se corrijan.
