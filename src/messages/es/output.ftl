# output

output-collision = esto se escribiría en `{ $target }`, igual que `{ $first }`
output-collision-portal = esto se escribiría en `{ $target }`, donde el portal escribe una página o un archivo propio
output-collision-pages = el portal escribiría dos páginas o archivos en `{ $target }`: dos nombres del sitio llevan a la misma dirección
output-collision-help = cambia el nombre de uno de los dos archivos
output-is-root = la carpeta de salida no puede ser la raíz del sistema de archivos
output-holds-site = la carpeta de salida contiene el propio sitio: construir ahí reemplazaría el sitio
output-own-folder-help = escribe el portal en una carpeta propia, por ejemplo `-o public`
output-inside-source = la carpeta de salida está dentro de la carpeta `{ $folder }` del sitio
output-is-file = la ruta de salida es un archivo, no una carpeta
output-is-file-help = elige otra carpeta de salida
output-foreign-files = la carpeta de salida contiene archivos que abierto no escribió (`{ $first }`{ $more ->
    [0] {""}
    [one] {" "}y 1 más
   *[other] {" "}y { $more } más
})
output-foreign-files-help = elige una carpeta vacía o nueva, o usa --force para reemplazar su contenido
output-write-failed = no se puede escribir el portal aquí: { $error }
output-in-use = otro programa tiene abierto un archivo del portal (¿el Explorador de archivos, un navegador, un editor?), y Windows no deja reemplazarlo: ciérralo y vuelve a construir; el portal anterior quedó como estaba
output-not-ours = no se puede escribir el portal aquí: abierto no escribió { $folder }; muévela a otro lugar y vuelve a construir
