# Words every part of the program shares.

size-bytes = { $count ->
    [one] 1 byte
   *[other] { $count } bytes
}


diagnostic-severity = { $severity ->
    [error] error
    [warning] warning
   *[note] note
}
diagnostic-help = help

refusal = error: { $message }
  help: { $help }
