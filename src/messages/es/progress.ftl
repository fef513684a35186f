# El avance de un trabajo largo, en la terminal.

progress-analyse = Analizando datos
progress-render = Generando páginas
progress-write = Escribiendo archivos
progress-left = { $minutes ->
    [0] quedan { $seconds } s
   *[other] quedan { $minutes } min { $seconds } s
}

cli-interrupted-build = Interrumpido: no se escribió nada; el portal anterior en `{ $folder }` quedó como estaba.
cli-interrupted-check = Interrumpido: la revisión no terminó.

# El resumen de una corrida.
summary-files = Archivos: { $written ->
    [one] 1 escrito
   *[other] { $written } escritos
}, { $reused } sin cambios, { $removed ->
    [one] 1 eliminado
   *[other] { $removed } eliminados
}
summary-pages = Páginas: { $rendered ->
    [one] 1 generada
   *[other] { $rendered } generadas
}, { $reused ->
    [one] 1 reutilizada
   *[other] { $reused } reutilizadas
}
summary-data = Datos: { $read ->
    [one] 1 archivo leído del disco
   *[other] { $read } archivos leídos del disco
}, { $cached } del caché
summary-warnings = Avisos: { $kinds }
summary-kind = { $count } × { $code ->
    [broken-external-link] enlace externo roto
    [broken-link] enlace roto
    [due-soon] por actualizar
    [file-too-large] archivo demasiado grande
    [lfs-pointer] puntero de Git LFS
    [missing-metadata] faltan metadatos
    [overdue] atrasado
    [personal-data] datos personales
    [personal-data-accepted] datos personales aceptados
    [personal-data-column] columna con nombre de dato personal
    [personal-data-office] dato de oficina por aceptar
    [promise-overdue] promesa vencida
    [site-too-large] sitio demasiado grande
    [unknown-key] clave desconocida
    [unreferenced-file] archivo sin descriptor
    [data-file] problema en un archivo de datos
   *[other] otro
}
