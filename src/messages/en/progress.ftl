# The progress of long work, on the terminal.

progress-analyse = Analysing data
progress-render = Rendering pages
progress-write = Writing files
progress-left = { $minutes ->
    [0] { $seconds } s left
   *[other] { $minutes } min { $seconds } s left
}
