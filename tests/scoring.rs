//! The scoring domain end to end, on the sample Cụm thi đua số 4 for 2023 (seed 001).

use chrono::DateTime;
use thidua::domain::data::AppData;
use thidua::domain::format;
use thidua::domain::record::{Meta, Stamp};
use thidua::domain::scoring::award_forms::ids;
use thidua::domain::scoring::awards::propose_awards;
use thidua::domain::scoring::cluster::{self, ClusterDraft};
use thidua::domain::scoring::compute::compute_cluster;
use thidua::domain::scoring::indicators::{self, rate};
use thidua::domain::scoring::ranking::{rank, TieBreak, Tier};
use thidua::domain::scoring::sample::{self, cluster_4_2023, unit_name};
use thidua::domain::scoring::scorecard::{self, CardStatus};
use thidua::domain::scoring::template;
use thidua::domain::units::{Unit, UnitKind};

fn stamp() -> Stamp {
    Stamp::new("cum-4", DateTime::from_timestamp(1_700_600_000, 0).unwrap())
}

fn ids() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("id-{n}")
    }
}

fn sample_data() -> AppData {
    let mut data = AppData::default();
    cluster_4_2023(&data.units, ids(), &stamp()).add_to(&mut data);
    data
}

fn short_name(data: &AppData, id: &str) -> String {
    data.units
        .iter()
        .find(|u| u.meta.id == id)
        .unwrap()
        .short_name
        .clone()
}

#[test]
fn sample_has_the_six_districts_with_ba_vi_head_and_quoc_oai_next() {
    let data = sample_data();
    assert_eq!(data.units.len(), 6);
    assert!(data
        .units
        .iter()
        .all(|u| u.kind == UnitKind::District && u.active_in_year(2023)));
    let c = &data.clusters[0];
    assert_eq!(c.name, "Cụm thi đua số 4");
    assert!(cluster::validate(&ClusterDraft::from_cluster(c), &data.units).is_empty());
    assert_eq!(short_name(&data, c.head_id.as_deref().unwrap()), "Ba Vì");
    assert_eq!(short_name(&data, c.deputy_id.as_deref().unwrap()), "Quốc Oai");
    let next = cluster::start_next_year(c, "k-2024".into(), &stamp());
    assert_eq!(short_name(&data, next.head_id.as_deref().unwrap()), "Quốc Oai");
    assert_eq!(next.year, 2024);
    assert_eq!(template::validate(&data.templates[0]), vec![]);
}

#[test]
fn sample_indicators_give_the_seed_totals_and_rates() {
    let data = sample_data();
    let sum = |f: fn(&indicators::Figures) -> Option<u64>| -> u64 {
        data.indicators.iter().map(|r| f(&r.figures).unwrap()).sum()
    };
    assert_eq!(format::integer(sum(|f| f.grassroots_unions) as i64), "1.172");
    assert_eq!(format::integer(sum(|f| f.members) as i64), "44.579");
    assert!(sum(|f| f.health_checks) > 1_450);
    let expected = [
        ("Ba Vì", "121%", 2000),
        ("Phúc Thọ", "191%", 3000),
        ("Đan Phượng", "192,7%", 2000),
        ("Hoài Đức", "152,7%", 1800),
        ("Thạch Thất", "138,8%", 3333),
        ("Quốc Oai", "57,3%", 1000),
    ];
    for (short, members_rate, grassroots_at_least) in expected {
        let unit = data.units.iter().find(|u| u.short_name == short).unwrap();
        let r = indicators::find_for(&data.indicators, &unit.meta.id, 2023).unwrap();
        assert!(indicators::validate(r).is_empty(), "{short}");
        let f = &r.figures;
        let members = rate(f.new_members, f.new_members_target).unwrap();
        assert_eq!(format::percent(members.percent()), members_rate, "{short}");
        let grassroots = rate(f.new_grassroots, f.new_grassroots_target).unwrap();
        assert!(grassroots.percent_tenths() >= grassroots_at_least, "{short}");
    }
    let thach_that = data.units.iter().find(|u| u.short_name == "Thạch Thất").unwrap();
    let r = indicators::find_for(&data.indicators, &thach_that.meta.id, 2023).unwrap();
    assert_eq!(
        format::percent(
            rate(r.figures.new_grassroots, r.figures.new_grassroots_target)
                .unwrap()
                .percent()
        ),
        "333,3%"
    );
}

#[test]
fn sample_gives_six_final_cards_with_distinct_ranks_and_awards() {
    let data = sample_data();
    let (c, t) = (&data.clusters[0], &data.templates[0]);
    assert!(data.scorecards.iter().all(|s| s.status == CardStatus::Final));
    let results = compute_cluster(c, t, &data.indicators, &data.scorecards);
    assert!(results.without_card.is_empty());
    let rows = rank(&results.cards, t, &c.vote_order);
    let ranks: Vec<usize> = rows.iter().map(|r| r.rank).collect();
    assert_eq!(ranks, [1, 2, 3, 4, 5, 6]);
    let order: Vec<String> = rows.iter().map(|r| short_name(&data, &r.unit_id)).collect();
    assert_eq!(
        order,
        [
            "Đan Phượng",
            "Thạch Thất",
            "Phúc Thọ",
            "Hoài Đức",
            "Ba Vì",
            "Quốc Oai"
        ]
    );
    // Hoài Đức and Ba Vì both have 89,1 points: block II decides.
    assert_eq!(rows[3].total, rows[4].total);
    assert!(matches!(&rows[3].before_next, Some(TieBreak::Block { code, .. }) if code == "II"));
    assert!(rows
        .iter()
        .all(|r| r.vetoes.is_empty() && r.tier != Tier::NotDone));
    for r in &results.cards {
        assert!(r.reviewed.unscored.is_empty() && r.criteria.iter().all(|c| c.gap.is_none()));
        assert!(r.reviewed.total <= r.self_tally.total);
    }
    let awards = propose_awards(&rows, &t.settings, &c.tally);
    assert_eq!(
        awards.iter().filter(|a| a.form.id == ids::FLAG_PROVINCE).count(),
        1
    );
    assert_eq!(
        awards.iter().filter(|a| a.form.id == ids::MERIT_PROVINCE).count(),
        2
    );
    assert!(
        awards.iter().all(|a| a.vote.is_some()),
        "the sample voted on each"
    );
    assert_eq!(awards[0].unit_id, rows[0].unit_id);
}

#[test]
fn sample_reuses_existing_active_units_and_only_adds() {
    let s = stamp();
    let mut data = AppData::default();
    data.units.push(Unit {
        meta: Meta::new("my-ba-vi".into(), &s),
        name: "ldld huyen ba vi".into(),
        short_name: "Ba Vì".into(),
        kind: UnitKind::District,
        parent_id: None,
        active_from: None,
        active_to: None,
        archived: false,
    });
    let mut archived = data.units[0].clone();
    archived.meta = Meta::new("old-quoc-oai".into(), &s);
    archived.name = unit_name("Quốc Oai");
    archived.archived = true;
    data.units.push(archived);
    let before = data.units.clone();
    let records = cluster_4_2023(&data.units, ids(), &s);
    assert_eq!(
        records.units.len(),
        5,
        "Ba Vì reused; the archived Quốc Oai is not"
    );
    assert!(records.cluster.member_ids.contains(&"my-ba-vi".to_string()));
    assert_eq!(records.cluster.head_id.as_deref(), Some("my-ba-vi"));
    records.add_to(&mut data);
    assert_eq!(data.units[..2], before[..]);
    assert_eq!(data.units.len(), 7);
    let card = scorecard::find_for(
        &data.scorecards,
        &data.clusters[0].meta.id,
        sample::YEAR,
        "my-ba-vi",
    );
    assert!(card.is_some());
}

#[test]
fn sample_survives_a_save_and_load() {
    let data = sample_data();
    let text = serde_json::to_string(&data).unwrap();
    let loaded = thidua::domain::schema::decode(&text).unwrap();
    assert_eq!(loaded.data, data);
}

mod properties {
    use proptest::prelude::*;
    use thidua::domain::scoring::compute::{CardResult, Tally};
    use thidua::domain::scoring::points::Points;
    use thidua::domain::scoring::ranking::{rank, Tier};

    fn card(i: usize, total: u32, two: u32, penalty: u32, vetoed: bool) -> CardResult {
        let reviewed = Tally {
            total: Points(total),
            blocks: [("II".to_string(), Points(two))].into(),
            penalty: Points(penalty),
            vetoes: if vetoed { vec!["L.1".into()] } else { vec![] },
            ..Tally::default()
        };
        CardResult {
            card_id: format!("c{i}"),
            unit_id: format!("u{i}"),
            status: Default::default(),
            criteria: vec![],
            self_tally: reviewed.clone(),
            reviewed,
        }
    }

    proptest! {
        #[test]
        fn ranking_is_a_stable_permutation_and_respects_the_cap(
            cards in prop::collection::vec((850u32..1000, 0u32..3, 0u32..2, any::<bool>()), 1..12),
            percent in 0u8..=100,
        ) {
            let results: Vec<CardResult> = cards
                .iter()
                .enumerate()
                .map(|(i, (t, two, p, v))| card(i, *t, *two, *p, *v && i % 3 == 0))
                .collect();
            let stamp = thidua::domain::record::Stamp::new("o", chrono::DateTime::from_timestamp(0, 0).unwrap());
            let mut t = thidua::domain::scoring::default_template::default_template("t".into(), "k".into(), 2023, &stamp);
            t.settings.excellent_cap_percent = Some(percent);
            let rows = rank(&results, &t, &[]);
            prop_assert_eq!(rows.len(), results.len());
            let mut ids: Vec<&str> = rows.iter().map(|r| r.unit_id.as_str()).collect();
            thidua::domain::sorting::sort(&mut ids);
            ids.dedup();
            prop_assert_eq!(ids.len(), results.len());
            prop_assert!(rows.windows(2).all(|w| w[0].rank <= w[1].rank));
            let eligible = rows.iter().filter(|r| r.points_tier <= Tier::Good).count();
            let excellent = rows.iter().filter(|r| r.tier == Tier::Excellent).count();
            prop_assert!(excellent <= usize::from(percent) * eligible / 100);
            prop_assert!(rows.iter().all(|r| r.vetoes.is_empty() || r.tier == Tier::NotDone));
        }
    }
}
