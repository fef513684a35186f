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

serve-no-folder = { $folder }: esta carpeta no existe
serve-no-address = el servidor no tiene dirección: { $error }
serve-cannot-listen = no se puede escuchar en { $address }: { $error }
serve-port-taken = El puerto { $port } está ocupado; se usa el { $other }.
serve-cannot-watch-site = no se pueden vigilar los cambios del sitio: { $error }
serve-cannot-watch = no se pueden vigilar los cambios de { $folder }: { $error }
serve-cannot-handle-ctrl-c = no se puede atender Ctrl-C: { $error }
serve-serving = Sirviendo { $site } en { $url }
serve-open-to-network = Escuchando en { $address }: cualquiera en esta red puede ver la vista previa, borradores incluidos.
serve-watching = Vigilando los cambios; presiona Ctrl-C para detener.
serve-stopped = Detenido.

## Plain answers of the preview server, shown in the browser

serve-http-failed = abierto no pudo responder a esta solicitud
serve-http-method = solo se atienden solicitudes GET y HEAD
serve-http-bad-address = esta dirección no es un archivo del portal
serve-http-unreadable = no se puede leer este archivo
serve-http-gone = este archivo ya no existe; la próxima reconstrucción dirá por qué
serve-http-not-found = no se encontró
serve-http-too-many-tabs = hay demasiadas pestañas abiertas
