# El avance de un trabajo largo, en la terminal.

progress-analyse = Analizando datos
progress-render = Generando páginas
progress-write = Escribiendo archivos
progress-left = { $minutes ->
    [0] quedan { $seconds } s
   *[other] quedan { $minutes } min { $seconds } s
}
