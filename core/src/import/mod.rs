//! Agendas made elsewhere, read into Agendum's model: [`docx`], Word files; [`table`], tables
//! pasted into Annex A.

pub mod docx;
pub mod table;
