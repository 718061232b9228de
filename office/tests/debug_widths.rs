use chrono::NaiveDate;
use thidua::domain::record::Stamp;
use thidua::domain::reports::{ReportRequest, ReportSettings};
#[test]
fn show() {
    let at = chrono::DateTime::from_timestamp(1_764_403_200, 0).unwrap();
    let (data, cluster_id) = thidua::domain::sample::with_numbered_ids(&Stamp::new("office", at));
    let p = data.programmes.iter().find(|p| p.unit_id.len() > 0).unwrap();
    for req in [ReportRequest::ClusterResults { cluster_id }, ReportRequest::AnnualReview { programme_id: p.meta.id.clone(), year: 2016 }] {
    let doc = req.build(&data, &ReportSettings::default(), NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()).unwrap();
    for t in doc.tables() {
        let fit = thidua_office::docx::widths::fit(t, thidua_office::docx::TEXT_WIDTH);
        eprintln!("{:?} {:?}", t.columns.iter().map(|c| &c.title).collect::<Vec<_>>(), fit);
        for r in t.rows.iter().take(3) { eprintln!("   {:?}", r.iter().map(|c| c.shown().chars().take(60).collect::<String>()).collect::<Vec<_>>()); }
    }
    }
}
