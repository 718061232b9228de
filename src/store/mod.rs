//! Browser storage edge.
