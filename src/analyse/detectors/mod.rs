//! Personal-data detectors: pure functions over one value. `ids.rs` says
//! whether a token is a CURP, RFC, CLABE, card number, INE voter key or NSS
//! and whether its check digit is right; `text.rs` finds those, phone
//! numbers and e-mail addresses anywhere in a text; `email.rs` tells an
//! office's address from a person's; `people.rs` knows people's names (the
//! lists in `names/`, with their origin and licence) and street addresses;
//! `mask.rs` shows a value without giving it away. The algorithms are those
//! of /work/shared/REFERENCE.md.

pub mod email;
pub mod ids;
mod mask;
pub mod people;
pub mod text;

pub use ids::Check;
pub use mask::{mask, mask_text};
pub use text::{Hints, Id, Item, scan};

use crate::messages::Message;
use crate::msg;

/// A kind of personal data. New kinds go at the end (the analysis cache stores them).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum PersonalDataKind {
    Curp,
    Rfc,
    Clabe,
    Card,
    VoterKey,
    Email,
    Phone,
    /// IMSS social security number.
    Nss,
    /// People's names.
    Name,
    /// Street addresses with a number, in a table of people.
    Address,
    /// Birth dates, in a table of people.
    BirthDate,
}

impl PersonalDataKind {
    /// The kind of an identifier found in a text.
    pub fn of_id(id: Id) -> PersonalDataKind {
        match id {
            Id::Curp => PersonalDataKind::Curp,
            Id::Rfc => PersonalDataKind::Rfc,
            Id::VoterKey => PersonalDataKind::VoterKey,
            Id::Clabe => PersonalDataKind::Clabe,
            Id::Card => PersonalDataKind::Card,
            Id::Nss => PersonalDataKind::Nss,
        }
    }

    /// Its stable name (JSON, messages' selectors).
    pub fn key(self) -> &'static str {
        match self {
            PersonalDataKind::Curp => "curp",
            PersonalDataKind::Rfc => "rfc",
            PersonalDataKind::Clabe => "clabe",
            PersonalDataKind::Card => "card",
            PersonalDataKind::VoterKey => "voter-key",
            PersonalDataKind::Email => "email",
            PersonalDataKind::Phone => "phone",
            PersonalDataKind::Nss => "nss",
            PersonalDataKind::Name => "name",
            PersonalDataKind::Address => "address",
            PersonalDataKind::BirthDate => "birth-date",
        }
    }

    /// How a message names it.
    pub fn describe(self) -> Message {
        msg!("analyse-personal-data-kind", kind = self.key())
    }
}
