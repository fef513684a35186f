# scaffold

scaffold-site-exists = { $folder } already holds a site (it has portal.toml)
scaffold-site-exists-help = choose a new folder, e.g. `abierto new site mi-portal`
scaffold-exists = { $count ->
    [one] { $paths } already exists
   *[other] { $paths } already exist
}
scaffold-exists-help = abierto never overwrites a file: move or rename it, or choose another name
scaffold-cannot-write = cannot write { $path }: { $error }
scaffold-cannot-write-help = check that the folder can be written
scaffold-written-before = these files were written before the problem: { $paths }
scaffold-not-empty = { $folder } is not empty: it holds `{ $first }`{ $more ->
    [0] {""}
   *[other] {" "}and { $more } more
}
scaffold-not-empty-help = abierto new site never overwrites nor mixes with other files: choose a new or empty folder, e.g. `abierto new site mi-portal`
scaffold-id-no-letters = `{ $id }` cannot be a participant id
scaffold-id-no-letters-help = use letters and digits, e.g. `xalapa` or `san-pedro-garza-garcia`
scaffold-id-invalid = `{ $id }` is not a valid participant id
scaffold-id-invalid-help = ids are lower-case, without accents or spaces: use `{ $slug }`
scaffold-title-no-letters = the story's title has no letters or digits
scaffold-title-no-letters-help = give a title such as "Cómo usamos los datos de tránsito"
scaffold-no-clock = the computer's clock does not give a usable date
scaffold-no-clock-help = set the system date and time, then run the command again
scaffold-not-a-site = { $folder } is not a site: it has no portal.toml
scaffold-not-a-site-help = run the command inside the site's folder, or give it with `--site DIR`; `abierto new site DIR` creates one
scaffold-no-participant = there is no participant `{ $id }`
scaffold-no-participant-help = create it first with `abierto new participant { $id }`
scaffold-no-participant-known = participants of this site: { $known }; or create it with `abierto new participant { $id }`
scaffold-not-a-file = { $path } is not a file
scaffold-not-a-file-help = give the data file to publish, e.g. `--from ~/Descargas/semaforos.csv`
scaffold-no-dataset-id = cannot make a dataset id from the file name `{ $name }`
scaffold-no-dataset-id-help = rename the file with letters or digits in its name
scaffold-cannot-read = cannot read { $path }: { $error }
scaffold-cannot-read-help = check that the file can be read
