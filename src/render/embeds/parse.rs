//! The words of an embed: a line such as
//! `{{ tabla(datos="xalapa/semaforos", columnas="calle, colonia", filas=10) }}`
//! parsed into a kind and named arguments, each with its column, and checked
//! against the arguments that kind takes. Names are Spanish; accents and case
//! do not matter (`gráfica` is `grafica`).

use crate::messages::Message;
use crate::msg;
use crate::slug::slugify;

/// What an embed shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `tarjeta`: a dataset card.
    Card,
    /// `tabla`: rows of a resource.
    Table,
    /// `grafica`: a bar, line or scatter chart.
    Chart,
    /// `mapa`: a static map.
    Map,
    /// `descarga`: a download button.
    Download,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Card,
        Kind::Table,
        Kind::Chart,
        Kind::Map,
        Kind::Download,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Card => "tarjeta",
            Kind::Table => "tabla",
            Kind::Chart => "grafica",
            Kind::Map => "mapa",
            Kind::Download => "descarga",
        }
    }

    /// The arguments this kind takes; the first ones are required.
    pub fn arguments(self) -> (&'static [&'static str], &'static [&'static str]) {
        match self {
            Kind::Card => (&["datos"], &[]),
            Kind::Table => (
                &["datos", "recurso"],
                &[
                    "columnas",
                    "filas",
                    "orden",
                    "descendente",
                    "filtro",
                    "hoja",
                    "titulo",
                ],
            ),
            Kind::Chart => (
                &["datos", "recurso", "x"],
                &[
                    "tipo",
                    "y",
                    "agregar",
                    "agrupar",
                    "filtro",
                    "hoja",
                    "titulo",
                    "eje_x",
                    "eje_y",
                    "descendente",
                    "limite",
                ],
            ),
            Kind::Map => (&["datos", "recurso"], &["titulo", "hoja", "color"]),
            Kind::Download => (&["datos", "recurso"], &["texto"]),
        }
    }
}

/// A value written after `=`.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
    Bool(bool),
}

#[derive(Debug, Clone)]
pub struct Arg {
    /// Folded: lower-case, no accents (`título` → `titulo`).
    pub name: String,
    pub value: Value,
    /// 1-based column of the name in the line.
    pub column: usize,
    /// 1-based column of the value.
    pub value_column: usize,
}

/// A parsed embed line.
#[derive(Debug, Clone)]
pub struct Call {
    pub kind: Kind,
    pub args: Vec<Arg>,
    /// 1-based column of the kind's name.
    pub column: usize,
}

/// Something wrong in an embed, at a column of its line.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub column: usize,
    pub message: Message,
    pub help: Option<Message>,
}

impl Problem {
    pub fn new(column: usize, message: impl Into<Message>, help: impl Into<Message>) -> Problem {
        Problem {
            column,
            message: message.into(),
            help: Some(help.into()),
        }
    }
}

/// Whether a line is written as an embed: `{{ … }}` alone on it.
pub fn is_embed_line(line: &str) -> bool {
    let line = line.trim();
    line.len() >= 4 && line.starts_with("{{") && line.ends_with("}}")
}

/// Folds a name the way embed names compare: `Gráfica` → `grafica`, `eje-x` → `eje_x`.
pub fn fold(name: &str) -> String {
    slugify(name).replace('-', "_")
}

/// The nearest of `known` to `unknown`, for a "did you mean" help.
pub fn nearest<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let unknown = unknown.to_lowercase();
    known
        .into_iter()
        .map(|name| (strsim::jaro_winkler(&unknown, &name.to_lowercase()), name))
        .filter(|(score, _)| *score >= 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| name)
}

/// A help that names the nearest known name, or lists the known names;
/// `what` they are: `dataset`, `resource`, `sheet`, `column`, `argument`,
/// `embed-kind`, `chart-kind` or `choice`.
pub fn suggestion(unknown: &str, known: &[&str], what: &str) -> Message {
    match nearest(unknown, known.iter().copied()) {
        Some(best) => msg!("render-embed-nearest", name = best),
        None if known.is_empty() => msg!("render-embed-none", what = what),
        None if known.len() <= 12 => msg!(
            "render-embed-known",
            what = what,
            names = known
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        None => msg!("render-embed-many", what = what, count = known.len()),
    }
}

/// Parses one embed line (as [`is_embed_line`] found it), checking its arguments.
pub fn parse(line: &str) -> Result<Call, Vec<Problem>> {
    let chars: Vec<char> = line.chars().collect();
    let mut p = Cursor {
        chars: &chars,
        i: 0,
    };
    p.skip_space();
    p.expect_str("{{").map_err(|e| vec![e])?;
    p.skip_space();
    let (column, name) = p.required_identifier(
        msg!("render-embed-no-kind"),
        msg!("render-embed-no-kind-help"),
    )?;
    let folded = fold(&name);
    let Some(kind) = Kind::ALL.into_iter().find(|k| k.name() == folded) else {
        let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
        return Err(vec![Problem::new(
            column,
            msg!("render-embed-unknown-kind", name = &name),
            suggestion(&folded, &names, "embed-kind"),
        )]);
    };
    p.skip_space();
    p.expect_str("(").map_err(|e| vec![e])?;
    let mut args: Vec<Arg> = Vec::new();
    loop {
        p.skip_space();
        if p.peek() == Some(')') {
            p.i += 1;
            break;
        }
        if !args.is_empty() {
            p.expect_str(",").map_err(|e| vec![e])?;
            p.skip_space();
            if p.peek() == Some(')') {
                p.i += 1;
                break;
            }
        }
        let (arg_column, arg_name) = p.required_identifier(
            msg!("render-embed-no-argument-name"),
            msg!("render-embed-no-argument-name-help"),
        )?;
        p.skip_space();
        p.expect_str("=").map_err(|e| vec![e])?;
        p.skip_space();
        let value_column = p.column();
        let value = p.value().map_err(|e| vec![e])?;
        args.push(Arg {
            name: fold(&arg_name),
            value,
            column: arg_column,
            value_column,
        });
    }
    p.skip_space();
    p.expect_str("}}").map_err(|e| vec![e])?;
    p.skip_space();
    if p.i < chars.len() {
        return Err(vec![Problem::new(
            p.column(),
            msg!("render-embed-text-after"),
            msg!("render-embed-text-after-help"),
        )]);
    }
    check_arguments(kind, &args)?;
    Ok(Call { kind, args, column })
}

fn check_arguments(kind: Kind, args: &[Arg]) -> Result<(), Vec<Problem>> {
    let (required, optional) = kind.arguments();
    let known: Vec<&str> = required.iter().chain(optional).copied().collect();
    let mut problems = Vec::new();
    for (i, arg) in args.iter().enumerate() {
        if !known.contains(&arg.name.as_str()) {
            problems.push(Problem::new(
                arg.column,
                msg!(
                    "render-embed-unknown-argument",
                    kind = kind.name(),
                    name = &arg.name
                ),
                suggestion(&arg.name, &known, "argument"),
            ));
        } else if args[..i].iter().any(|a| a.name == arg.name) {
            problems.push(Problem::new(
                arg.column,
                msg!("render-embed-argument-twice", name = &arg.name),
                msg!("render-embed-argument-twice-help"),
            ));
        }
    }
    for name in required {
        if !args.iter().any(|a| a.name == *name) {
            problems.push(Problem::new(
                1,
                msg!(
                    "render-embed-missing-argument",
                    kind = kind.name(),
                    name = *name
                ),
                msg!(
                    "render-embed-missing-argument-help",
                    name = *name,
                    example = example(kind)
                ),
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// One example of each kind, for helps.
pub fn example(kind: Kind) -> &'static str {
    match kind {
        Kind::Card => "{{ tarjeta(datos=\"xalapa/semaforos\") }}",
        Kind::Table => {
            "{{ tabla(datos=\"xalapa/semaforos\", recurso=\"semaforos.csv\", columnas=\"calle, colonia\", filas=10) }}"
        }
        Kind::Chart => {
            "{{ grafica(tipo=\"barras\", datos=\"xalapa/semaforos\", recurso=\"semaforos.csv\", x=\"colonia\", agregar=\"cuenta\") }}"
        }
        Kind::Map => "{{ mapa(datos=\"xalapa/semaforos\", recurso=\"semaforos.csv\") }}",
        Kind::Download => "{{ descarga(datos=\"xalapa/semaforos\", recurso=\"semaforos.csv\") }}",
    }
}

struct Cursor<'a> {
    chars: &'a [char],
    i: usize,
}

impl Cursor<'_> {
    fn column(&self) -> usize {
        self.i + 1
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.i).copied()
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.i += 1;
        }
    }

    fn expect_str(&mut self, expected: &str) -> Result<(), Problem> {
        let n = expected.chars().count();
        if self.chars[self.i.min(self.chars.len())..]
            .iter()
            .take(n)
            .copied()
            .eq(expected.chars())
        {
            self.i += n;
            return Ok(());
        }
        let message = match self.peek() {
            Some(c) => msg!(
                "render-embed-expected",
                expected = expected,
                found = c.to_string()
            ),
            None => msg!("render-embed-expected-end", expected = expected),
        };
        Err(Problem::new(
            self.column(),
            message,
            msg!("render-embed-expected-help"),
        ))
    }

    /// The column and text of an identifier, which must be here (else `message`).
    fn required_identifier(
        &mut self,
        message: Message,
        help: Message,
    ) -> Result<(usize, String), Vec<Problem>> {
        let column = self.column();
        let name = self.identifier();
        if name.is_empty() {
            return Err(vec![Problem::new(column, message, help)]);
        }
        Ok((column, name))
    }

    fn identifier(&mut self) -> String {
        let start = self.i;
        while self
            .peek()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '-')
        {
            self.i += 1;
        }
        self.chars[start..self.i].iter().collect()
    }

    fn value(&mut self) -> Result<Value, Problem> {
        let column = self.column();
        match self.peek() {
            Some(quote @ ('"' | '\'' | '“' | '”')) => {
                let closing = |c: char| match quote {
                    '\'' => c == '\'',
                    _ => matches!(c, '"' | '“' | '”'),
                };
                self.i += 1;
                let mut text = String::new();
                loop {
                    match self.peek() {
                        None => {
                            return Err(Problem::new(
                                column,
                                msg!("render-embed-unclosed-text"),
                                msg!("render-embed-unclosed-text-help"),
                            ));
                        }
                        Some('\\') if self.chars.get(self.i + 1).is_some() => {
                            text.push(self.chars[self.i + 1]);
                            self.i += 2;
                        }
                        Some(c) if closing(c) => {
                            self.i += 1;
                            return Ok(Value::Text(text));
                        }
                        Some(c) => {
                            text.push(c);
                            self.i += 1;
                        }
                    }
                }
            }
            _ => {
                let start = self.i;
                while self
                    .peek()
                    .is_some_and(|c| !c.is_whitespace() && c != ',' && c != ')')
                {
                    self.i += 1;
                }
                let word: String = self.chars[start..self.i].iter().collect();
                match fold(&word).as_str() {
                    "true" | "si" | "verdadero" => Ok(Value::Bool(true)),
                    "false" | "no" | "falso" => Ok(Value::Bool(false)),
                    _ => word.parse::<f64>().map(Value::Number).map_err(|_| {
                        Problem::new(
                            column,
                            msg!("render-embed-not-a-value", word = &word),
                            msg!("render-embed-not-a-value-help"),
                        )
                    }),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    #[test]
    fn a_line_becomes_a_call_with_columns() {
        let call =
            parse(r#"{{ Tabla(datos="x/y", recurso='a.csv', filas=10, descendente=true) }}"#)
                .unwrap();
        assert_eq!(call.kind, Kind::Table);
        assert_eq!(call.column, 4);
        assert_eq!(call.args[0].name, "datos");
        assert_eq!(call.args[0].column, 10);
        assert_eq!(call.args[1].value, Value::Text("a.csv".into()));
        assert_eq!(call.args[2].value, Value::Number(10.0));
        assert_eq!(call.args[3].value, Value::Bool(true));
    }

    #[test]
    fn unknown_kinds_and_arguments_are_named_with_a_suggestion() {
        let problems = parse(r#"{{ tabal(datos="x/y") }}"#).unwrap_err();
        assert_eq!(problems[0].column, 4);
        let help = problems[0].help.as_ref().map(|h| h.text(Language::En));
        assert!(help.is_some_and(|h| h.contains("`tabla`")), "{problems:?}");
        assert_eq!(
            problems[0].message.text(Language::Es),
            "`tabal` no es una clase de inserción"
        );
        let help = problems[0].help.as_ref().map(|h| h.text(Language::Es));
        assert_eq!(help.as_deref(), Some("¿quisiste decir `tabla`?"));
        let problems =
            parse(r#"{{ gráfica(datos="x/y", recurso="a", x="b", colr="c", título="t") }}"#)
                .unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].message.text(Language::Es).contains("`colr`"));
        let problems = parse(r#"{{ mapa(datos="x/y") }}"#).unwrap_err();
        assert!(problems[0].message.text(Language::En).contains("`recurso`"));
    }

    #[test]
    fn broken_syntax_is_a_problem_not_a_panic() {
        for line in [
            "{{ }}",
            "{{ tabla }}",
            "{{ tabla(datos=) }}",
            "{{ tabla(datos=\"x) }}",
            "{{ tabla(datos=\"x\" recurso=\"y\") }}",
            "{{ tabla(datos=\"x\", recurso=\"y\") }} más",
            "{{ tabla(=1) }}",
        ] {
            assert!(parse(line).is_err(), "{line}");
        }
    }
}
