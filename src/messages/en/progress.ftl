# The progress of long work, on the terminal.

progress-analyse = Analysing data
progress-render = Rendering pages
progress-write = Writing files
progress-left = { $minutes ->
    [0] { $seconds } s left
   *[other] { $minutes } min { $seconds } s left
}

cli-interrupted-build = Interrupted: nothing was written; the previous portal in `{ $folder }` is as it was.
cli-interrupted-check = Interrupted: the check did not finish.

# The summary of a run.
summary-files = Files: { $written } written, { $reused } unchanged, { $removed } removed
summary-pages = Pages: { $rendered } rendered, { $reused } reused
summary-data = Data: { $read ->
    [one] 1 file read from disk
   *[other] { $read } files read from disk
}, { $cached } from the cache
summary-warnings = Warnings: { $kinds }
summary-kind = { $count } × { $code ->
    [broken-external-link] broken external link
    [broken-link] broken link
    [due-soon] due soon
    [file-too-large] file too large
    [lfs-pointer] Git LFS pointer
    [missing-metadata] missing metadata
    [overdue] overdue
    [personal-data] personal data
    [personal-data-accepted] personal data accepted
    [personal-data-column] column named like personal data
    [personal-data-office] office data to accept
    [promise-overdue] promise overdue
    [site-too-large] site too large
    [unknown-key] unknown key
    [unreferenced-file] file no descriptor names
    [data-file] problem in a data file
   *[other] other
}
