# check

check-allowed = { $message } (permitido por [check] en portal.toml)

report-summary = { $errors ->
    [one] 1 error
   *[other] { $errors } errores
}, { $warnings ->
    [one] 1 aviso
   *[other] { $warnings } avisos
}, { $notes ->
    [one] 1 nota
   *[other] { $notes } notas
}
