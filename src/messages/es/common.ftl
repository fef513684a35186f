# Palabras que comparten todas las partes del programa.

size-bytes = { $count ->
    [one] 1 byte
   *[other] { $count } bytes
}


diagnostic-severity = { $severity ->
    [error] error
    [warning] aviso
   *[note] nota
}
diagnostic-help = ayuda

refusal = error: { $message }
  ayuda: { $help }
