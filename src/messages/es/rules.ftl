# rules

## Datos personales

rules-personal-data = columna { $position }, `{ $column }`: { $items }
rules-personal-data-office = columna { $position }, `{ $column }`: { $items }; parecen datos de oficinas públicas, no de personas
rules-personal-data-officials = columna { $position }, `{ $column }`: { $items }; son servidores públicos en una columna de oficinas, públicos por la ley de transparencia
rules-personal-data-item = { $kind } en { $rows ->
        [one] { $rows } fila
       *[other] { $rows } filas
    } ({ $unit ->
        [row] { $count ->
            [one] fila
           *[other] filas
        }
        [feature] { $count ->
            [one] elemento
           *[other] elementos
        }
       *[line] { $count ->
            [one] línea
           *[other] líneas
        }
    } { $lines }), por ejemplo `{ $example }`: { $why }
rules-personal-data-why-shape = { $kind ->
        [phone] 10 dígitos con la forma de un teléfono
        [voter-key] la forma de la clave de elector
       *[other] la forma y el dígito verificador son válidos
    }
rules-personal-data-why-check-digits = { $valid } con dígito verificador válido y { $wrong } con uno equivocado, que cuentan porque { $named ->
        [yes] la columna o la palabra que los precede los nombra
       *[no] la mayoría de la columna son válidos
    }
rules-personal-data-why-named = la palabra que lo precede lo nombra, aunque su dígito verificador esté equivocado
rules-personal-data-why-names = { $hits } de { $judged } valores parecen nombres de persona{ $sampled ->
        [yes] : { $sample }…
       *[no] {""}
    }
rules-personal-data-why-addresses = { $hits } de { $judged } valores parecen domicilios con número, en una tabla con nombres de persona (columna `{ $people }`)
rules-personal-data-why-birth-dates = fechas de { $first } a { $last }{ $named ->
        [yes] {" "}en una columna de fechas de nacimiento
       *[no] , propias de fechas de nacimiento
    }, junto a los nombres de la columna `{ $people }`
rules-personal-data-why-personal-email = direcciones de personas: su dominio no es de gobierno (.gob.mx) ni del portal, y no nombran una oficina
rules-personal-data-why-office-email = direcciones de oficina: { $role ->
        [yes] lo que va antes de la @ nombra una oficina
       *[no] su dominio es de gobierno o del portal
    }
rules-personal-data-why-offices = { $kind ->
        [name] nombres en una columna que el descriptor dice de oficinas (holds = "offices")
       *[other] la columna es de oficinas, dice el descriptor (holds = "offices")
    }
rules-personal-data-accepted = { $message }: aceptado
rules-personal-data-accepted-help = { $descriptor } dice: «{ $reason }»
rules-personal-data-help = elimina o anonimiza la columna antes de publicar; si es pública a propósito, acéptala con su razón en { $descriptor }, dentro del [[resources]] de `{ $resource }`:
    {"["}{"["}resources.personal_data{"]"}{"]"}
    column = { $column }
    reason = "…"
rules-personal-data-office-help = si son de oficinas públicas, acéptalos en { $descriptor }, dentro del [[resources]] de `{ $resource }`; si alguno es de una persona, quítalo:
    {"["}{"["}resources.personal_data{"]"}{"]"}
    column = { $column }
    reason = "Datos de contacto de oficinas públicas"
rules-personal-data-officials-help = un directorio de servidores públicos es información pública (Ley General de Transparencia, artículo 70, fracción VII); sus CURP, RFC y correos personales no lo son
rules-personal-data-name = el nombre de la columna `{ $column }` parece de datos personales; no se encontraron en ella nombres, identificadores, correos ni teléfonos
rules-personal-data-name-help = asegúrate de que nombre lugares o instituciones, no personas
rules-personal-data-text = { $kind } en { $part ->
        [description] la descripción
       *[body] el texto
    }: `{ $example }` ({ $why })
rules-personal-data-text-help = quítalo del texto antes de publicar: lo que se publica en el portal lo lee cualquiera
rules-personal-data-text-office-help = si es de una oficina pública, permítelo en portal.toml con [check] allow = ["personal-data-office:{ $file }"]; si es de una persona, quítalo

## Completitud

rules-field-publisher = el correo de quien publica: `contact.email` o el `email` del participante
rules-field-resources-fields = tipo y descripción de cada columna
