# rules

## Personal data

rules-personal-data = column `{ $column }` holds { $kind } in { $rows ->
        [one] { $rows } row
       *[other] { $rows } rows
    } ({ $unit ->
        [row] { $count ->
            [one] row
           *[other] rows
        }
        [feature] { $count ->
            [one] feature
           *[other] features
        }
       *[line] { $count ->
            [one] line
           *[other] lines
        }
    } { $lines }), e.g. `{ $example }`
rules-personal-data-accepted = { $message }: accepted
rules-personal-data-accepted-help = { $descriptor } says: { $reason }
rules-personal-data-help = remove or anonymise the column before publishing; if it is public on purpose (e.g. office phones), accept it in { $descriptor } with [[resources.personal_data]] column = "{ $column }" reason = "…"
rules-personal-data-name = column `{ $column }` is named like personal data; no identifier, e-mail or phone was found in it
rules-personal-data-name-help = make sure it names places or institutions, not people

## Completeness

rules-field-publisher = the publisher's e-mail: `contact.email` or the participant's `email`
rules-field-resources-fields = type and description of each column
