//! An import's save (nhập dữ liệu): the officer's choices from the preview merged into the
//! newest stored data, in one transaction that also keeps the way back (see
//! [`Store::replace`]; [`Store::undo_import`] takes it back).

use super::undo::UndoCopy;
use super::{CommitError, Store};
use crate::domain::data::AppData;
use crate::domain::exchange::{batch, DataPlan, Incoming, Overrides};
use crate::domain::scoring::final_guard::{self, Guarded, Reopener};

/// What an import merges, as the officer confirmed it in the preview.
pub struct Merge<'a> {
    /// The names of the files imported together: the undo copy names them.
    pub file_names: &'a [String],
    /// The records to merge (several files: as they were merged for the preview).
    pub records: &'a AppData,
    /// Several files chosen together, in merge order: merged again when saved, with
    /// `between` (the choices between them), so that such a choice is this office's edit.
    pub sources: &'a [Incoming],
    pub between: &'a Overrides,
    /// The choice for each conflict with the local data.
    pub overrides: &'a Overrides,
    /// Who reopens the final cards the merge would move ([`final_guard::guard_merge`]).
    pub reopener: Option<&'a Reopener>,
}

/// Why an import was refused: a final card it would move, with no reopening given.
pub type Refused = Guarded<std::convert::Infallible>;

impl Store {
    /// Merges `merge` into the data and saves it with the copy that undoes it, which it gives
    /// back (`None` if it cannot be read again). The merge is planned again on the data the
    /// save starts from, in case another tab saved since the preview.
    pub async fn import(&self, merge: Merge<'_>) -> Result<Option<UndoCopy>, CommitError<Refused>> {
        // The undo copy names every file ("\n" never occurs in a file name).
        let label = merge.file_names.join("\n");
        self.replace(&label, |data, stamp| {
            let recombined = (merge.sources.len() > 1).then(|| {
                let refs: Vec<&Incoming> = merge.sources.iter().collect();
                batch::combine(&refs, merge.between, stamp).data
            });
            let records = recombined.as_ref().unwrap_or(merge.records);
            let plan = DataPlan::new(data, records);
            let mut next = plan.apply(data, records, merge.overrides, stamp);
            final_guard::guard_merge(data, &mut next, merge.reopener, stamp)?;
            Ok(next)
        })
        .await?;
        Ok(self.undo_copy().await)
    }
}
