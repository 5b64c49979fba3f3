//! Helpers shared by the core's integration tests.
#![allow(dead_code)]

use agendum_core::Agenda;

/// The TD514 example, the real agenda the product is designed from.
pub fn td514() -> Agenda {
    agendum_core::templates::td514("t")
}
