//! Generated people (never real ones): names drawn from lists written here
//! (common Mexican names, Nahuatl and Maya ones, and some the program's own
//! lists lack), and their CURP, RFC, NSS, phones, e-mail addresses, street
//! addresses and birth dates. Check digits are computed here from
//! /work/shared/REFERENCE.md, independently of the code under test.

/// A small deterministic generator (xorshift64*), so the corpus is the same on every run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// `n` random digits.
    pub fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }
}

const WOMEN: &[&str] = &[
    "María",
    "Guadalupe",
    "Juana",
    "Margarita",
    "Verónica",
    "Leticia",
    "Rosa",
    "Patricia",
    "Alejandra",
    "Araceli",
    "Xóchitl",
    "Citlali",
    "Itzel",
    "Yaretzi",
    "Nayeli",
    "Ixchel",
    "Zyanya",
    "Dulce",
    "Ximena",
    "Fernanda",
    "Karla",
    "Brenda",
    "Marisol",
    "Nohemí",
    "Yesenia",
    "Socorro",
    "Hermelinda",
    "Eufrosina",
    "Petronila",
    "Maricruz",
];
const MEN: &[&str] = &[
    "José",
    "Juan",
    "Francisco",
    "Luis",
    "Miguel",
    "Jesús",
    "Antonio",
    "Pedro",
    "Manuel",
    "Alejandro",
    "Cuauhtémoc",
    "Tonatiuh",
    "Tenoch",
    "Moisés",
    "Efraín",
    "Rigoberto",
    "Gerardo",
    "Hugo",
    "Rodolfo",
    "Isidro",
    "Eleuterio",
    "Crescencio",
    "Wenceslao",
    "Anastasio",
    "Ángel",
];
const SURNAMES: &[&str] = &[
    "Hernández",
    "García",
    "Martínez",
    "López",
    "González",
    "Pérez",
    "Rodríguez",
    "Sánchez",
    "Ramírez",
    "Cruz",
    "Flores",
    "Gómez",
    "Morales",
    "Vázquez",
    "Reyes",
    "Jiménez",
    "Torres",
    "Díaz",
    "Gutiérrez",
    "Ruiz",
    "Mendoza",
    "Aguilar",
    "Ortiz",
    "Castillo",
    "Romero",
    "Álvarez",
    "Chávez",
    "Juárez",
    "Domínguez",
    "Santiago",
    "Bautista",
    "de la Cruz",
    "Pech",
    "Chan",
    "Canché",
    "Poot",
    "Dzul",
    "Tzompantzi",
    "Xolalpa",
    "Cuautle",
    "Tecuapetla",
    "Hau",
    "Yam",
    "Quiñones",
    "Zárate",
    "Tlacotempa",
    "Huerta",
    "Ochoa",
    "Temich",
    "Xicale",
];
const STATES: &[&str] = &["VZ", "DF", "PL", "JC", "MC", "OC", "YN", "GR", "CS", "TL"];
pub const STREETS: &[&str] = &[
    "Hidalgo",
    "Allende",
    "Morelos",
    "Zaragoza",
    "Independencia",
    "Revolución",
    "5 de Mayo",
    "Xalapeños Ilustres",
    "Las Flores",
    "Pino Suárez",
    "Nogal",
    "Ocampo",
    "Úrsulo Galván",
];
pub const COLONIAS: &[&str] = &[
    "Centro",
    "Benito Juárez",
    "Emiliano Zapata",
    "Rafael Lucio",
    "Revolución",
    "Francisco I. Madero",
    "Lázaro Cárdenas",
    "El Moral",
    "Santa Bárbara",
    "Sebastián Lerdo de Tejada",
    "Obrero Campesina",
    "Casa Blanca",
    "Xalapa Enríquez",
];

/// A generated person.
pub struct Person {
    pub given: Vec<&'static str>,
    pub surnames: [&'static str; 2],
    pub woman: bool,
    pub birth: (u32, u32, u32),
    state: &'static str,
    differentiator: char,
}

impl Person {
    pub fn new(rng: &mut Rng) -> Person {
        let woman = rng.below(2) == 0;
        let list = if woman { WOMEN } else { MEN };
        let mut given = vec![*rng.pick(list)];
        if rng.below(3) == 0 {
            given.push(*rng.pick(list));
        }
        let year = 1938 + rng.below(69) as u32;
        Person {
            given,
            surnames: [*rng.pick(SURNAMES), *rng.pick(SURNAMES)],
            woman,
            birth: (year, 1 + rng.below(12) as u32, 1 + rng.below(28) as u32),
            state: STATES[rng.below(STATES.len() as u64) as usize],
            differentiator: if year < 2000 {
                char::from(b'0' + rng.below(10) as u8)
            } else {
                char::from(b'A' + rng.below(26) as u8)
            },
        }
    }

    /// Written as officials write names: `style` 0 as is, 1 in capitals without
    /// accents, 2 surnames first with a comma, 3 with accents dropped.
    pub fn name(&self, style: u64) -> String {
        let given = self.given.join(" ");
        let surnames = self.surnames.join(" ");
        match style % 4 {
            0 => format!("{given} {surnames}"),
            1 => ascii(&format!("{given} {surnames}")).to_uppercase(),
            2 => format!("{}, {}", surnames.to_uppercase(), given.to_uppercase()),
            _ => ascii(&format!("{given} {surnames}")),
        }
    }

    /// The CURP, with its check digit; `wrong` gives it a wrong one (typed by hand).
    pub fn curp(&self, wrong: bool) -> String {
        let (year, month, day) = self.birth;
        let first17 = format!(
            "{}{:02}{month:02}{day:02}{}{}{}{}{}{}",
            self.initials(),
            year % 100,
            if self.woman { 'M' } else { 'H' },
            self.state,
            inner_consonant(self.surnames[0]),
            inner_consonant(self.surnames[1]),
            inner_consonant(self.given[0]),
            self.differentiator
        );
        let check = curp_check(&first17);
        let check = if wrong {
            (check + 1 + (day % 9)) % 10
        } else {
            check
        };
        format!("{first17}{check}")
    }

    /// The RFC of a person, with its check digit.
    pub fn rfc(&self, rng: &mut Rng) -> String {
        let (year, month, day) = self.birth;
        let homoclave: String = (0..2)
            .map(|_| *rng.pick(&['A', 'B', 'C', 'D', 'E', 'F', '1', '2', '3', '4', '5', '6']))
            .collect();
        let first = format!(
            "{}{:02}{month:02}{day:02}{homoclave}",
            self.initials(),
            year % 100
        );
        format!("{first}{}", rfc_check(&first))
    }

    fn initials(&self) -> String {
        let first = last_word(self.surnames[0]);
        let first = ascii(first).to_uppercase();
        let vowel = first
            .chars()
            .skip(1)
            .find(|c| "AEIOU".contains(*c))
            .unwrap_or('X');
        format!(
            "{}{vowel}{}{}",
            first.chars().next().unwrap(),
            ascii(last_word(self.surnames[1]))
                .to_uppercase()
                .chars()
                .next()
                .unwrap(),
            ascii(self.given[0]).to_uppercase().chars().next().unwrap()
        )
    }

    /// A personal e-mail address.
    pub fn email(&self, rng: &mut Rng) -> String {
        let given = ascii(self.given[0]).to_lowercase();
        let surname = ascii(last_word(self.surnames[0])).to_lowercase();
        let local = match rng.below(3) {
            0 => format!("{given}.{surname}"),
            1 => format!("{}{surname}{}", &given[..1], rng.below(100)),
            _ => format!("{given}_{}{}", &surname[..3], self.birth.0),
        };
        let domain = rng.pick(&[
            "gmail.com",
            "hotmail.com",
            "yahoo.com.mx",
            "outlook.com",
            "live.com.mx",
            "icloud.com",
            "prodigy.net.mx",
            "correo-familiar.mx",
        ]);
        format!("{local}@{domain}")
    }

    /// The birth date as `dd/mm/yyyy`.
    pub fn birth_date(&self) -> String {
        let (year, month, day) = self.birth;
        format!("{day:02}/{month:02}/{year}")
    }
}

fn last_word(text: &str) -> &str {
    text.rsplit(' ').next().unwrap_or(text)
}

/// A text with its accents dropped.
pub fn ascii(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'á' => 'a',
            'é' => 'e',
            'í' => 'i',
            'ó' | 'ö' => 'o',
            'ú' | 'ü' => 'u',
            'ñ' => 'n',
            'Á' => 'A',
            'É' => 'E',
            'Í' => 'I',
            'Ó' => 'O',
            'Ú' => 'U',
            'Ñ' => 'N',
            c => c,
        })
        .collect()
}

fn inner_consonant(word: &str) -> char {
    ascii(last_word(word))
        .to_uppercase()
        .chars()
        .skip(1)
        .find(|c| c.is_ascii_uppercase() && !"AEIOU".contains(*c))
        .unwrap_or('X')
}

const CURP_ALPHABET: &str = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ";
const RFC_ALPHABET: &str = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ";

/// The first 17 characters weighted 18 down to 2; (10 − sum mod 10) mod 10.
pub fn curp_check(first17: &str) -> u32 {
    let sum: u32 = first17
        .chars()
        .enumerate()
        .map(|(i, c)| CURP_ALPHABET.chars().position(|a| a == c).unwrap() as u32 * (18 - i as u32))
        .sum();
    (10 - sum % 10) % 10
}

/// A 12-character RFC padded with a space; weights 13 down to 2; 11 − sum mod 11.
pub fn rfc_check(first: &str) -> char {
    let padded = if first.chars().count() == 11 {
        format!(" {first}")
    } else {
        first.to_string()
    };
    let sum: u32 = padded
        .chars()
        .enumerate()
        .map(|(i, c)| RFC_ALPHABET.chars().position(|a| a == c).unwrap() as u32 * (13 - i as u32))
        .sum();
    match 11 - sum % 11 {
        11 => '0',
        10 => 'A',
        r => char::from_digit(r, 10).unwrap(),
    }
}

/// Luhn's check digit for `digits` (doubling every second digit from the right of the result).
pub fn luhn_check(digits: &str) -> char {
    let sum: u32 = digits
        .chars()
        .rev()
        .enumerate()
        .map(|(i, c)| {
            let d = c.to_digit(10).unwrap();
            if i % 2 == 0 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    char::from_digit((10 - sum % 10) % 10, 10).unwrap()
}

/// An IMSS social security number: subdelegation, years, serial, Luhn check digit.
pub fn nss(rng: &mut Rng, person: &Person) -> String {
    let first = format!(
        "{:02}{:02}{:02}{}",
        1 + rng.below(98),
        (person.birth.0 + 18) % 100,
        person.birth.0 % 100,
        rng.digits(4)
    );
    format!("{first}{}", luhn_check(&first))
}

/// A Mexican phone number, written one of the ways people write them.
pub fn phone(rng: &mut Rng) -> String {
    let area = rng.pick(&[
        "228", "229", "722", "999", "951", "222", "442", "477", "55", "33", "81",
    ]);
    let rest = format!("{}{}", 1 + rng.below(9), rng.digits(9 - area.len()));
    let all = format!("{area}{rest}");
    match rng.below(7) {
        0 => format!("{} {} {}", &all[..3], &all[3..6], &all[6..]),
        1 => format!("({}) {}-{}", &all[..3], &all[3..6], &all[6..]),
        2 if area.len() == 2 => format!("{area} {} {}", &all[2..6], &all[6..]),
        3 => format!("+52 {} {} {}", &all[..2], &all[2..6], &all[6..]),
        4 => format!("{}-{}-{}-{}", &all[..3], &all[3..6], &all[6..8], &all[8..]),
        5 => format!("{}.{}.{}", &all[..3], &all[3..6], &all[6..]),
        _ => format!(
            "{} {} {} {} {}",
            &all[..2],
            &all[2..4],
            &all[4..6],
            &all[6..8],
            &all[8..]
        ),
    }
}

/// A street address with a number.
pub fn address(rng: &mut Rng) -> String {
    let street = rng.pick(STREETS);
    let colonia = rng.pick(COLONIAS);
    let number = 1 + rng.below(400);
    match rng.below(5) {
        0 => format!("Calle {street} {number}, Col. {colonia}"),
        1 => format!("Av. {street} #{number} Int. {}", 1 + rng.below(9)),
        2 => format!("Privada {street} No. {number}"),
        3 => format!(
            "Mz {} Lt {}, {colonia}",
            1 + rng.below(40),
            1 + rng.below(30)
        ),
        _ => format!("{street} {number}"),
    }
}
