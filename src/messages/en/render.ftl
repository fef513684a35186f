# render

## Pages

render-map-description = { $count ->
        [one] { $count } feature
       *[other] { $count } features
    } ({ $kinds }) between latitudes { $south } and { $north } and longitudes { $west } and { $east }.

## Templates

render-template-failed = the template `{ $template }` failed: { $error }
render-template-failed-help = if the site overrides this template in templates/, check the names it uses
render-template-unreadable = cannot read this template: { $error }
render-template-error = a template has an error: { $error }
render-template-error-help = fix the template named above (a site's templates/ folder overrides the theme's by name)
render-catalog-csv-failed = cannot write the catalog CSV: { $error }

## Markdown

render-embed-in-paragraph = this embed is inside a paragraph
render-embed-in-paragraph-help = put the embed on a line of its own, with an empty line before and after it
render-image-script = the image `{ $address }` is a script, not a picture
render-image-script-help = give the picture's web address (https://…)
render-link-unknown = the link `{ $address }` names nothing in this portal
render-link-script = the link `{ $address }` would run a script in the reader's browser
render-link-script-help = link to a web address (https://…) or to a page of the portal (dataset:…, story:…)
render-link-nearest = did you mean `{ $kind }:{ $id }`?
render-unknown-participant = the site has no participant `{ $id }`
render-unknown-participant-nearest = did you mean `{ $nearest }`? A participant's id is its folder's name in participants/
render-unknown-participant-help = a participant's id is its folder's name in participants/: { $known }
render-link-no-id = { $kind ->
        [dataset] no dataset has the id `{ $id }`
        [participant] no participant has the id `{ $id }`
        [story] no story has the id `{ $id }`
       *[page] no page has the id `{ $id }`
    }

## Story embeds

render-embed = embed: { $message }
render-embed-nearest = did you mean `{ $name }`?
render-embed-none = { $what ->
        [dataset] there is no dataset to choose from
        [resource] there is no resource to choose from
        [sheet] there is no sheet to choose from
        [column] there is no column to choose from
        [argument] there is no argument to choose from
        [embed-kind] there is no kind of embed to choose from
        [chart-kind] there is no kind of chart to choose from
       *[choice] there is no choice to choose from
    }
render-embed-known = { $what ->
        [dataset] the datasets here are: { $names }
        [resource] the resources here are: { $names }
        [sheet] the sheets here are: { $names }
        [column] the columns here are: { $names }
        [argument] the arguments here are: { $names }
        [embed-kind] the kind of embeds here are: { $names }
        [chart-kind] the kind of charts here are: { $names }
       *[choice] the choices here are: { $names }
    }
render-embed-many = { $what ->
        [dataset] there are { $count } datasets; check the spelling
        [resource] there are { $count } resources; check the spelling
        [sheet] there are { $count } sheets; check the spelling
        [column] there are { $count } columns; check the spelling
        [argument] there are { $count } arguments; check the spelling
        [embed-kind] there are { $count } kind of embeds; check the spelling
        [chart-kind] there are { $count } kind of charts; check the spelling
       *[choice] there are { $count } choices; check the spelling
    }
render-embed-no-kind = an embed starts with what to show, e.g. `{"{{"} tabla(…) {"}}"}`
render-embed-no-kind-help = write one of: tarjeta, tabla, grafica, mapa, descarga
render-embed-unknown-kind = `{ $name }` is not a kind of embed
render-embed-no-argument-name = expected an argument name here, like `datos="…"`
render-embed-no-argument-name-help = arguments are written `name=value` and separated by commas
render-embed-text-after = there is text after the end of the embed
render-embed-text-after-help = put the embed alone on its line
render-embed-unknown-argument = `{ $kind }` takes no argument `{ $name }`
render-embed-argument-twice = the argument `{ $name }` is given twice
render-embed-argument-twice-help = keep one of the two
render-embed-missing-argument = `{ $kind }` needs the argument `{ $name }`
render-embed-missing-argument-help = add `{ $name }="…"`; e.g. { $example }
render-embed-expected = expected `{ $expected }` here, found `{ $found }`
render-embed-expected-end = expected `{ $expected }` here, found the end of the line
render-embed-expected-help = an embed is written `{"{{"} kind(name="value", name=10) {"}}"}`, text values in double quotes
render-embed-unclosed-text = this text value has no closing quote
render-embed-unclosed-text-help = close it with `"`
render-embed-not-a-value = `{ $word }` is not a value
render-embed-not-a-value-help = write text in double quotes ("…"), numbers as digits, or true/false
render-embed-takes-text = `{ $name }` takes a text, in double quotes
render-embed-takes-text-help = write `{ $name }="…"`
render-embed-takes-number = `{ $name }` takes a whole number from 1 up
render-embed-takes-number-help = write e.g. `{ $name }=10`
render-embed-takes-flag = `{ $name }` takes true or false
render-embed-takes-flag-help = write `{ $name }=true`
render-embed-no-resource = the dataset `{ $dataset }` has no resource `{ $name }`
render-embed-not-tabular = { $why ->
        [remote] `{ $resource }` is not a file of this portal: tables and charts read CSV files and spreadsheets
       *[other] `{ $resource }` is not a table: tables and charts read CSV files and spreadsheets
    }
render-embed-not-tabular-help = choose a CSV or XLSX resource of the dataset
render-embed-no-sheet = `{ $resource }` has no sheet `{ $name }`
render-embed-no-column = `{ $resource }` has no column `{ $name }`
render-embed-bad-filter = the filter `{ $filter }` does not say which column equals what
render-embed-bad-filter-help = write `filtro="colonia=Centro"`: the column, `=`, the value rows must have
render-embed-no-file = the resource has no file
render-embed-unreadable = cannot read `{ $resource }`: { $error }
render-embed-unreadable-help = check the file
render-embed-nothing-to-map = `{ $resource }` has nothing to draw on a map
render-embed-nothing-to-map-help = choose a KML or GeoJSON resource, or a table with latitude and longitude columns
render-embed-no-colour-column = the map cannot be coloured by `{ $column }`: a map is coloured by a column of numbers, or of text with a few values (2 to 30)
render-chart-needs-y = this chart needs the column of its values, `y`
render-chart-needs-y-help = add `y="column"`, or count rows with `agregar="cuenta"`
render-chart-scatter-grouped = a scatter chart draws each row: it cannot group them
render-chart-scatter-grouped-help = remove `agregar`/`agrupar`, or use `tipo="barras"` or `tipo="lineas"`
render-chart-unknown-kind = `{ $name }` is not a kind of chart
render-chart-unknown-choice = `{ $name }` is not a choice of `{ $argument }`
render-chart-no-data = the chart has no data: no row gave a number
render-chart-no-data-help = check that the value column holds numbers, the date column dates, and the filter matches rows
render-chart-too-many-groups = `{ $column }` has more than { $max } different values: too many for a chart
render-chart-too-many-groups-help = group by another column, or by month or year with `agrupar="mes"`

## Captions with counts (`$total` and `$n` are written as the page writes numbers; `$count` chooses the plural)

render-preview-caption = Preview of { $name }: { $shown } of { $count ->
        [one] { $total } row
       *[other] { $total } rows
    }
render-embed-rows-of = { $shown } of { $count ->
        [one] { $total } row
       *[other] { $total } rows
    }
render-chart-bars-description = { $count ->
        [one] Bar chart with { $n } bar.
       *[other] Bar chart with { $n } bars.
    } Highest: { $max_label }, { $max }. Lowest: { $min_label }, { $min }.
render-chart-lines-description = { $count ->
        [one] Line chart with { $n } point,
       *[other] Line chart with { $n } points,
    } from { $first_label } ({ $first }) to { $last_label } ({ $last }). Maximum: { $max_label }, { $max }.
render-chart-scatter-description = { $count ->
        [one] Scatter chart with { $n } point:
       *[other] Scatter chart with { $n } points:
    } { $x } from { $xmin } to { $xmax }; { $y } from { $ymin } to { $ymax }.

## Catalogs

# The title of the DCAT concept scheme of the portal's categories.
render-dcat-categories = { $portal } · categories
render-dcat-version = { $title } (version { $version })

render-embed-no-dataset-help = { $suggestion } (dataset ids are `<participant>/<descriptor file name>`)
