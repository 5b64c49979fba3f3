//! Agendas made elsewhere, read into Agendum's model: [`docx`], Word files.

pub mod docx;
