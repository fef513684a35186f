# scaffold

scaffold-site-exists = { $folder } ya contiene un sitio (tiene portal.toml)
scaffold-site-exists-help = elige una carpeta nueva, por ejemplo `abierto new site mi-portal`
scaffold-exists = { $count ->
    [one] { $paths } ya existe
   *[other] { $paths } ya existen
}
scaffold-exists-help = abierto nunca sobrescribe un archivo: muévelo o cámbiale el nombre, o elige otro nombre
scaffold-cannot-write = no se puede escribir { $path }: { $error }
scaffold-cannot-write-help = revisa que se pueda escribir en la carpeta
scaffold-written-before = estos archivos se escribieron antes del problema: { $paths }
scaffold-not-empty = { $folder } no está vacía: contiene `{ $first }`{ $more ->
    [0] {""}
    [one] {" "}y 1 más
   *[other] {" "}y { $more } más
}
scaffold-not-empty-help = abierto new site nunca sobrescribe ni se mezcla con otros archivos: elige una carpeta nueva o vacía, por ejemplo `abierto new site mi-portal`
scaffold-id-no-letters = `{ $id }` no puede ser el id de un participante
scaffold-id-no-letters-help = usa letras y dígitos, por ejemplo `xalapa` o `san-pedro-garza-garcia`
scaffold-id-invalid = `{ $id }` no es un id de participante válido
scaffold-id-invalid-help = los ids van en minúsculas, sin acentos ni espacios: usa `{ $slug }`
scaffold-title-no-letters = el título de la historia no tiene letras ni dígitos
scaffold-title-no-letters-help = escribe un título como «Cómo usamos los datos de tránsito»
scaffold-no-clock = el reloj de la computadora no da una fecha utilizable
scaffold-no-clock-help = ajusta la fecha y la hora del sistema y vuelve a ejecutar el comando
scaffold-not-a-site = { $folder } no es un sitio: no tiene portal.toml
scaffold-not-a-site-help = ejecuta el comando dentro de la carpeta del sitio, o indícala con `--site CARPETA`; `abierto new site CARPETA` crea uno
scaffold-no-participant = no hay ningún participante `{ $id }`
scaffold-no-participant-help = créalo primero con `abierto new participant { $id }`
scaffold-no-participant-known = participantes de este sitio: { $known }; o créalo con `abierto new participant { $id }`
scaffold-not-a-file = { $path } no es un archivo
scaffold-not-a-file-help = indica el archivo de datos que quieres publicar, por ejemplo `--from ~/Descargas/semaforos.csv`
scaffold-no-dataset-id = no se puede formar el id de un conjunto de datos con el nombre de archivo `{ $name }`
scaffold-no-dataset-id-help = cambia el nombre del archivo para que tenga letras o dígitos
scaffold-cannot-read = no se puede leer { $path }: { $error }
scaffold-cannot-read-help = revisa que el archivo se pueda leer
