# rules

## Personal data

rules-personal-data = column { $position }, `{ $column }`: { $items }
rules-personal-data-office = column { $position }, `{ $column }`: { $items }; they look like public offices' data, not people's
rules-personal-data-officials = column { $position }, `{ $column }`: { $items }; they are public servants in a column of offices, public under the transparency law
rules-personal-data-item = { $kind } in { $rows ->
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
    } { $lines }), e.g. `{ $example }`: { $why }
rules-personal-data-why-shape = { $kind ->
        [phone] 10 digits shaped like a phone number
        [voter-key] the shape of a voter key
       *[other] shape and check digit are valid
    }
rules-personal-data-why-check-digits = { $valid } with a valid check digit and { $wrong } with a wrong one, counted because { $named ->
        [yes] the column or the word before them names them
       *[no] most of the column's are valid
    }
rules-personal-data-why-named = the word before it names it, although its check digit is wrong
rules-personal-data-why-names = { $hits } of { $judged } values look like people's names{ $sampled ->
        [yes] : { $sample }…
       *[no] {""}
    }
rules-personal-data-why-addresses = { $hits } of { $judged } values look like street addresses with a number, in a table of people's names (column `{ $people }`)
rules-personal-data-why-birth-dates = dates from { $first } to { $last }{ $named ->
        [yes] {" "}in a column of birth dates
       *[no] , as birth dates are
    }, beside the names of column `{ $people }`
rules-personal-data-why-personal-email = people's addresses: their domain is neither a government's (.gob.mx) nor the portal's, and they name no office
rules-personal-data-why-office-email = office addresses: { $role ->
        [yes] what comes before the @ names an office
       *[no] their domain is a government's or the portal's
    }
rules-personal-data-why-offices = { $kind ->
        [name] names in a column the descriptor says holds offices (holds = "offices")
       *[other] the descriptor says the column holds offices (holds = "offices")
    }
rules-personal-data-accepted = { $message }: accepted
rules-personal-data-accepted-help = { $descriptor } says: { $reason }
rules-personal-data-help = remove or anonymise the column before publishing; if it is public on purpose, accept it with the reason in { $descriptor }, inside the [[resources]] of `{ $resource }`:
    {"["}{"["}resources.personal_data{"]"}{"]"}
    column = { $column }
    reason = "…"
rules-personal-data-office-help = if they are public offices', accept them in { $descriptor }, inside the [[resources]] of `{ $resource }`; if one is a person's, remove it:
    {"["}{"["}resources.personal_data{"]"}{"]"}
    column = { $column }
    reason = "Contact details of public offices"
rules-personal-data-officials-help = a directory of public servants is public information (Mexico's General Transparency Law, article 70, section VII); their CURP, RFC and personal e-mail addresses are not
rules-personal-data-name = column `{ $column }` is named like personal data; no names, identifiers, e-mail addresses or phones were found in it
rules-personal-data-name-help = make sure it names places or institutions, not people
rules-personal-data-text = { $kind } in { $part ->
        [description] the description
       *[body] the text
    }: `{ $example }` ({ $why })
rules-personal-data-text-help = remove it from the text before publishing: whatever the portal publishes, anyone reads
rules-personal-data-text-office-help = if it is a public office's, allow it in portal.toml with [check] allow = ["personal-data-office:{ $file }"]; if it is a person's, remove it

## Completeness

rules-field-publisher = the publisher's e-mail: `contact.email` or the participant's `email`
rules-field-resources-fields = type and description of each column
