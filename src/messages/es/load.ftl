# load

load-text-too-large = este archivo pesa { $size }: abierto lee descriptores, historias y páginas de hasta { $limit }
load-text-too-large-help = divídelo en varios archivos, o pasa los datos a un archivo de datos
