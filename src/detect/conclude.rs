//! Turning the page signals and the REST answers into a [`Detection`].

use super::server_info::{read_server_info, read_tenant_info, ServerInfo, ServerInfoAnswer};
use super::warnings::{warnings, Found};
use super::{DetectFlow, Detection};
use crate::answerer;
use crate::auth_plan;
use crate::catalogue::{Code, Notice};
use crate::deployment::{Deployment, Edition, Hosting, Product};
use crate::http::HttpResponse;
use crate::i18n::Text;
use crate::urls;

/// The detection from the page's signals and the REST answers: what the deployment is, where
/// REST answered as Jira, its tenant, the warnings, then the plans for it.
pub(super) fn conclude(flow: &DetectFlow) -> Detection {
    let sig = flow.signals();
    let mut evidence = sig.evidence.clone();
    // A custom domain's Cloud serverInfo sends detection on to the site it names; the site's
    // answer counts when it is Jira's, else the first one with its own base (`rest_answer`).
    let (answer, base) = flow.rest_answer();
    let answer = answer.map(read_server_info);
    let (info, info_resp) = parts(&answer);
    let tenant_cloud_id = flow.tenant_info.as_ref().and_then(read_tenant_info);

    let product = product(flow, &sig, &answer, &mut evidence);
    let hosting = hosting(
        info,
        info_resp,
        &sig,
        tenant_cloud_id.is_some(),
        &mut evidence,
    );
    let cluster_node = cluster_node(info_resp, &sig);
    let edition = edition(cluster_node.as_deref(), hosting, &mut evidence);
    let version = info.and_then(|i| i.version.clone()).or(sig.version.clone());
    let version_numbers = info
        .and_then(ServerInfo::numbers)
        .or_else(|| version.as_deref().and_then(super::parse_version));
    let reached = reached_base(&answer, product, hosting, base);
    let claimed = info
        .and_then(|i| i.base_url.as_deref())
        .and_then(urls::normalize_base)
        .or(sig.base_url.clone());
    // Where REST did not answer, a base on another host than the one asked is only a claim:
    // the summary, token page and steps name the asked base instead (issue 20 item 1).
    let base_url = match &reached {
        Some(_) => claimed.clone().or(reached.clone()),
        None => claimed.clone().map(|c| {
            if super::warnings::same_host(&c, base) {
                c
            } else {
                base.to_string()
            }
        }),
    };
    let context_path = sig
        .context_path
        .clone()
        .or_else(|| base_url.as_deref().map(urls::path_of));
    let (cloud_id, cloud_id_mismatch) = cloud_id(flow, &sig, tenant_cloud_id, base);

    let mut warnings = warnings(
        flow,
        &sig,
        &answer,
        &Found {
            product,
            hosting,
            base,
            base_url: base_url.as_deref(),
            claimed: claimed.as_deref(),
            reached: reached.as_deref(),
            version_known: version_numbers.is_some(),
        },
    );
    warnings.extend(cloud_id_mismatch);

    let jira = product == Product::Jira;
    let deployment = completed(Deployment {
        product,
        hosting: jira.then_some(hosting).flatten(),
        edition,
        version,
        version_numbers,
        build_number: info.and_then(|i| i.build_number).or(sig.build_number),
        base_url: jira.then_some(base_url).flatten(),
        context_path: jira.then_some(context_path).flatten(),
        reached_base_url: reached,
        cloud_id,
        cloud_family: None,
        cluster_node,
        server_title: info.and_then(|i| i.server_title.clone()),
        user: sig.user.clone(),
        summary: Text::new("", ""),
        evidence,
    });
    with_plans(flow, deployment, warnings)
}

/// serverInfo's reading and the response it came from, when there was one.
fn parts(answer: &Option<ServerInfoAnswer>) -> (Option<&ServerInfo>, Option<&HttpResponse>) {
    match answer {
        Some(ServerInfoAnswer::Info(i, r)) => (Some(i), Some(r)),
        Some(ServerInfoAnswer::NeedsLogin(r))
        | Some(ServerInfoAnswer::NotServerInfo(r))
        | Some(ServerInfoAnswer::Redirect(r)) => (None, Some(r)),
        _ => (None, None),
    }
}

/// The cluster node that answered (X-ANODEID), else the page's, cut to a label's length.
fn cluster_node(resp: Option<&HttpResponse>, sig: &super::PageSignals) -> Option<String> {
    resp.and_then(|r| r.header("x-anodeid"))
        .map(str::to_string)
        .or(sig.cluster_node.clone())
        .map(|n| {
            n.chars()
                .take(super::server_info::MAX_LABEL_LEN)
                .collect::<String>()
        })
}

/// facts §1.4: X-ANODEID is the cluster node id, so a cluster, so Data Center.
fn edition(
    cluster_node: Option<&str>,
    hosting: Option<Hosting>,
    evidence: &mut Vec<String>,
) -> Option<Edition> {
    match (cluster_node, hosting) {
        (Some(node), Some(Hosting::SelfManaged)) => {
            evidence.push(format!("header X-ANODEID = {node}"));
            Some(Edition::DataCenter)
        }
        _ => None,
    }
}

/// Where REST answered as Jira: serverInfo with Jira's shape, Jira's JSON 401 (a site that
/// hides serverInfo, facts §1.1), or a REST redirect to a login page on a site whose page says
/// Jira (SSO in front; Basic may still pass for REST). A redirect alone confirms nothing — a
/// typed address whose REST only redirects is not known to be Jira — and a page that only says
/// it is Jira, or a site that never answered, has no reached base: no credential goes there
/// (the verdict says why). A Cloud credential goes only to an Atlassian site
/// (`urls::may_receive_cloud_credential`).
fn reached_base(
    answer: &Option<ServerInfoAnswer>,
    product: Product,
    hosting: Option<Hosting>,
    base: &str,
) -> Option<String> {
    let rest_answered = matches!(answer, Some(ServerInfoAnswer::Info(..)))
        || matches!(answer, Some(ServerInfoAnswer::Redirect(_)))
        || matches!(answer, Some(ServerInfoAnswer::NeedsLogin(r)) if r.is_json())
        || jira_refusal(answer).is_some();
    let cloud_ok = hosting != Some(Hosting::Cloud)
        || urls::parse_http(base).is_some_and(|u| urls::may_receive_cloud_credential(&u));
    (rest_answered && cloud_ok && product == Product::Jira).then(|| base.to_string())
}

/// The tenant, and a warning when the page names another one. The tenant is the site's own
/// word (/_edge/tenant_info), never the page's: the page's `ajs-cloud-id` would pick which
/// tenant the gateway is asked for. Only the first paint, which sends nothing, shows the page's.
fn cloud_id(
    flow: &DetectFlow,
    sig: &super::PageSignals,
    tenant: Option<String>,
    base: &str,
) -> (Option<String>, Option<Notice>) {
    let page = sig
        .cloud_id
        .clone()
        .filter(|id| super::is_plausible_cloud_id(id));
    let mismatch = match (&page, &tenant) {
        (Some(page), Some(tenant)) if !page.eq_ignore_ascii_case(tenant) => {
            let site = super::plan::origin_of(base);
            Some(Code::CloudIdMismatch.notice(&[
                ("page", page),
                ("tenant", tenant),
                ("site", &site),
            ]))
        }
        _ => None,
    };
    (if flow.opts.page_only { page } else { tenant }, mismatch)
}

/// The deployment with what follows from the rest: a Cloud site's family and the summary.
fn completed(mut deployment: Deployment) -> Deployment {
    if deployment.hosting == Some(Hosting::Cloud) {
        deployment.cloud_family = deployment
            .rest_base()
            .and_then(urls::parse_http)
            .and_then(|u| urls::family::of_site(u.host_str()));
    }
    deployment.summary = summary(&deployment);
    deployment
}

/// The detection of `deployment`, with the plans for it (a Jira's) and the flow's log.
fn with_plans(flow: &DetectFlow, deployment: Deployment, warnings: Vec<Notice>) -> Detection {
    let auth_plan = deployment.is_jira().then(|| auth_plan::plan(&deployment));
    let target_plans = if deployment.is_jira() {
        auth_plan::target_plans(&deployment)
    } else {
        vec![]
    };
    let client_credentials_plan = auth_plan::client_credentials_plan(&deployment);
    Detection {
        deployment,
        auth_plan,
        target_plans,
        client_credentials_plan,
        warnings,
        requests: flow.log.clone(),
        rest_origin: Some(flow.rest_origin()),
        provisional: flow.opts.page_only,
    }
}

/// Jira's mark on serverInfo's refusal (401, 403) of an anonymous caller: Jira's REST API hides
/// serverInfo from anonymous callers on some sites (facts §1.1), and its refusal still carries
/// Jira's headers, cookies or JSON shape (`answerer::jira_mark`). Only a refusal: another
/// Atlassian application (Confluence, Bitbucket) shares the headers but has no such REST path,
/// so its 404 says nothing about Jira.
fn jira_refusal(answer: &Option<ServerInfoAnswer>) -> Option<String> {
    match answer {
        Some(ServerInfoAnswer::NeedsLogin(r)) | Some(ServerInfoAnswer::NotServerInfo(r))
            if matches!(r.status, 401 | 403) =>
        {
            answerer::jira_mark(r)
        }
        _ => None,
    }
}

/// What the answers and the page say the product is.
fn product(
    flow: &DetectFlow,
    sig: &super::PageSignals,
    answer: &Option<ServerInfoAnswer>,
    evidence: &mut Vec<String>,
) -> Product {
    if matches!(answer, Some(ServerInfoAnswer::Info(..))) {
        evidence.push(super::SERVER_INFO_EVIDENCE.into());
        sig.product.unwrap_or(Product::Jira)
    } else if let Some(p) = sig.product {
        p
    } else if let Some(mark) = jira_refusal(answer) {
        evidence.push(format!(
            "serverInfo refused an anonymous caller, with Jira's {mark}"
        ));
        Product::Jira
    } else if matches!(
        answer,
        Some(ServerInfoAnswer::Redirect(_)) | Some(ServerInfoAnswer::Failed(_))
    ) {
        // A login page in front of everything, or no answer: we cannot tell.
        Product::Unknown
    } else if flow.page.is_none() && flow.needs_access.is_some() {
        // A typed URL we may not ask yet (no host access): nothing to tell from.
        Product::Unknown
    } else {
        Product::NotAtlassian
    }
}

fn hosting(
    info: Option<&ServerInfo>,
    resp: Option<&HttpResponse>,
    sig: &super::PageSignals,
    tenant_ok: bool,
    evidence: &mut Vec<String>,
) -> Option<Hosting> {
    if let Some(i) = info {
        evidence.push(format!(
            "serverInfo deploymentType = {}",
            i.deployment_type.as_deref().unwrap_or("(missing)")
        ));
        return Some(if i.is_cloud() {
            Hosting::Cloud
        } else {
            Hosting::SelfManaged
        });
    }
    if sig.hosting.is_some() {
        return sig.hosting;
    }
    if tenant_ok {
        evidence.push("/_edge/tenant_info gave a cloudId".into());
        return Some(Hosting::Cloud);
    }
    // facts §2.3: the header set differs between Cloud and self-managed.
    let r = resp?;
    if r.header("atl-traceid").is_some() || r.header("x-aaccountid").is_some() {
        evidence.push("serverInfo headers: Atl-Traceid".into());
        return Some(Hosting::Cloud);
    }
    if r.header("x-ausername").is_some() || r.header("x-asessionid").is_some() {
        evidence.push("serverInfo headers: X-AUSERNAME / X-ASESSIONID".into());
        return Some(Hosting::SelfManaged);
    }
    None
}

/// "Jira Data Center 9.12.15 at https://host/jira" in both languages: the address that was
/// reached and tested, not the base URL the page or serverInfo claims (that one is named by
/// `base_url_mismatch` / `base_url_other_host` when it differs); the claimed one only when
/// nothing was reached (the page-only first paint).
pub fn summary(d: &Deployment) -> Text {
    let at = d
        .reached_base_url
        .clone()
        .or(d.base_url.clone())
        .unwrap_or_default();
    let (en_name, ru_name) = match d.product {
        Product::Confluence => {
            return Text::new("Confluence — this is not Jira", "Confluence — это не Jira")
        }
        Product::Bitbucket => {
            return Text::new("Bitbucket — this is not Jira", "Bitbucket — это не Jira")
        }
        Product::OtherAtlassian => {
            return Text::new(
                "An Atlassian application, but not Jira",
                "Приложение Atlassian, но не Jira",
            )
        }
        Product::NotAtlassian => {
            return Text::new("This page is not Jira", "Эта страница — не Jira")
        }
        Product::Unknown => {
            return Text::new(
                "Could not tell whether this is Jira",
                "Не удалось определить, Jira ли это",
            )
        }
        Product::Jira => match (d.hosting, d.edition) {
            (Some(Hosting::Cloud), _) => match d.cloud_family {
                Some(f) if f != urls::family::Family::Commercial => (
                    format!("Jira Cloud ({})", f.name()),
                    format!("Jira Cloud ({})", f.name()),
                ),
                _ => ("Jira Cloud".to_string(), "Jira Cloud".to_string()),
            },
            (_, Some(Edition::DataCenter)) => {
                ("Jira Data Center".into(), "Jira Data Center".into())
            }
            (Some(Hosting::SelfManaged), None) => (
                "Jira Server/Data Center".into(),
                "Jira Server/Data Center".into(),
            ),
            (None, _) => ("Jira".into(), "Jira".into()),
        },
    };
    let version = match (d.hosting, &d.version) {
        (Some(Hosting::Cloud), _) | (_, None) => String::new(),
        (_, Some(v)) => format!(" {v}"),
    };
    if at.is_empty() {
        Text::new(format!("{en_name}{version}"), format!("{ru_name}{version}"))
    } else {
        Text::new(
            format!("{en_name}{version} at {at}"),
            format!("{ru_name}{version} по адресу {at}"),
        )
    }
}
