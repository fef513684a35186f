use super::*;
use fluent_bundle::FluentResource;
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};

/// The ids a catalog file defines, and each one's `$variables`.
fn entries(text: &str) -> Vec<(String, BTreeSet<String>)> {
    let resource = match FluentResource::try_new(text.to_string()) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("a catalog file does not parse: {errors:?}"),
    };
    resource
        .entries()
        .filter_map(|entry| match entry {
            ast::Entry::Message(m) => Some(m),
            _ => None,
        })
        .map(|m| {
            let mut variables = BTreeSet::new();
            if let Some(pattern) = &m.value {
                pattern_variables(pattern, &mut variables);
            }
            (m.id.name.to_string(), variables)
        })
        .collect()
}

fn pattern_variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Inline(inline) => inline_variables(inline, out),
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

#[test]
fn every_message_exists_in_both_languages_with_the_same_arguments() {
    let mut problems = Vec::new();
    for ((part, spanish), (_, english)) in SPANISH_FILES.iter().zip(ENGLISH_FILES) {
        let es: BTreeMap<_, _> = entries(spanish).into_iter().collect();
        let en: BTreeMap<_, _> = entries(english).into_iter().collect();
        for id in es.keys().filter(|id| !en.contains_key(*id)) {
            problems.push(format!("{part}.ftl: `{id}` is in Spanish only"));
        }
        for id in en.keys().filter(|id| !es.contains_key(*id)) {
            problems.push(format!("{part}.ftl: `{id}` is in English only"));
        }
        for (id, variables) in &es {
            if let Some(other) = en.get(id).filter(|other| *other != variables) {
                problems.push(format!(
                    "{part}.ftl: `{id}` takes {variables:?} in Spanish, {other:?} in English"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_id_is_defined_twice() {
    for language in [Language::Es, Language::En] {
        let mut seen = BTreeSet::new();
        for (part, text) in files(language) {
            for (id, _) in entries(text) {
                assert!(
                    seen.insert(id.clone()),
                    "{part}.ftl: `{id}` is defined twice"
                );
            }
        }
    }
}

#[test]
fn counts_choose_the_plural_form() {
    let summary = |errors: usize, language| {
        msg!(
            "report-summary",
            errors = errors,
            warnings = 0usize,
            notes = 1usize
        )
        .text(language)
    };
    assert_eq!(summary(1, Language::Es), "1 error, 0 avisos, 1 nota");
    assert_eq!(summary(2, Language::Es), "2 errores, 0 avisos, 1 nota");
    assert_eq!(summary(1, Language::En), "1 error, 0 warnings, 1 note");
    assert_eq!(summary(2, Language::En), "2 errors, 0 warnings, 1 note");
}

#[test]
fn large_counts_are_grouped_the_language_way() {
    let pages = |n: usize, language| msg!("serve-overlay-title", count = n).text(language);
    assert_eq!(pages(12_345, Language::Es), "El sitio tiene 12 345 errores");
    assert_eq!(pages(12_345, Language::En), "The site has 12,345 errors");
    assert_eq!(pages(1_234, Language::En), "The site has 1234 errors");
}

#[test]
fn sizes_are_written_the_language_way() {
    assert_eq!(size_text(1, Language::Es), "1 byte");
    assert_eq!(size_text(850, Language::En), "850 bytes");
    assert_eq!(size_text(12_800, Language::Es), "12,5 KB");
    assert_eq!(size_text(12_800, Language::En), "12.5 KB");
    assert_eq!(size_text(150 * 1024 * 1024, Language::Es), "150,0 MB");
}

#[test]
fn decimals_take_the_language_s_separator() {
    let line = |language| msg!("cli-written", folder = Arg::decimal(0.25, 2)).text(language);
    assert_eq!(line(Language::Es), "Portal escrito en 0,25");
    assert_eq!(line(Language::En), "Portal written to 0.25");
}

#[test]
fn user_text_in_a_message_cannot_paint_or_break_the_report() {
    let text = msg!("cli-created", path = "a\u{1b}[31mb\nc").text(Language::En);
    assert_eq!(text, "created a\\u{1b}[31mb\\u{a}c");
}

#[test]
fn a_message_inside_a_message_is_in_the_same_language() {
    let inner = msg!("serve-overlay-hide");
    let outer = msg!("check-allowed", message = inner);
    assert_eq!(
        outer.text(Language::Es),
        "Ocultar (permitido por [check] en portal.toml)"
    );
}

#[test]
fn a_message_missing_from_the_catalog_shows_its_id_not_a_panic() {
    assert_eq!(
        Message::new("no-such-message").text(Language::Es),
        "no-such-message"
    );
}

#[test]
fn the_environment_chooses_spanish_unless_it_names_another_language() {
    assert_eq!(language_of_locale(Some("es_MX.UTF-8")), Language::Es);
    assert_eq!(language_of_locale(Some("en_US.UTF-8")), Language::En);
    assert_eq!(language_of_locale(Some("fr_FR")), Language::En);
    assert_eq!(language_of_locale(Some("C")), Language::Es);
    assert_eq!(language_of_locale(Some("C.UTF-8")), Language::Es);
    assert_eq!(language_of_locale(None), Language::Es);
}
