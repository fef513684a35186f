# cli

cli-written = Portal escrito en { $folder }
cli-created = creado { $path }
cli-kept = se conserva { $path } (ya existía)
cli-import-note = nota: { $subject }: { $note }
cli-import-summary = { $created ->
    [one] 1 archivo creado
   *[other] { $created } archivos creados
}, { $kept ->
    [one] 1 conservado
   *[other] { $kept } conservados
}, { $notes ->
    [one] 1 nota
   *[other] { $notes } notas
}: ahora ejecuta `abierto check` en el sitio
cli-build-summary = { $datasets ->
    [one] 1 conjunto de datos
   *[other] { $datasets } conjuntos de datos
}, { $pages ->
    [one] 1 página
   *[other] { $pages } páginas
}, { $files ->
    [one] 1 archivo
   *[other] { $files } archivos
} en { $seconds } s: { $problems }
cli-check-summary = { $datasets ->
    [one] 1 conjunto de datos
   *[other] { $datasets } conjuntos de datos
} y { $pages ->
    [one] 1 página revisada
   *[other] { $pages } páginas revisadas
} en { $seconds } s: { $problems }
cli-external-summary = enlaces externos: { $links ->
    [one] 1 enlace
   *[other] { $links } enlaces
} a { $addresses ->
    [one] 1 dirección
   *[other] { $addresses } direcciones
}, { $asked } consultadas, { $broken ->
    [one] 1 rota
   *[other] { $broken } rotas
}, en { $seconds } s
