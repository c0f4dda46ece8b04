//! What a credential is for (`check --for …`) and therefore which Jira permissions the check
//! asks about. This is the one place the CLI maps a target to permission keys; the target
//! profiles (Jira integrations with their own needs) replace [`Target::required_permissions`].

/// The integration the credential is meant for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Target {
    /// Any integration: it must at least see projects.
    #[default]
    Generic,
}

/// Permission keys a generic integration needs (facts §5.2).
const GENERIC_PERMISSIONS: &[&str] = &["BROWSE_PROJECTS"];

impl Target {
    /// Every `--for` value, for help and error messages.
    pub const NAMES: &'static [&'static str] = &["generic"];

    /// The target named `name` on the command line.
    pub fn from_name(name: &str) -> Option<Target> {
        match name {
            "generic" => Some(Target::Generic),
            _ => None,
        }
    }

    /// The permission keys to check (the core's `CheckInput::required_permissions`).
    pub fn required_permissions(self) -> Vec<String> {
        let keys = match self {
            Target::Generic => GENERIC_PERMISSIONS,
        };
        keys.iter().map(|k| k.to_string()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_needs_browse_projects() {
        assert_eq!(Target::from_name("generic"), Some(Target::Generic));
        assert_eq!(Target::from_name("jenkins"), None);
        assert_eq!(
            Target::Generic.required_permissions(),
            vec!["BROWSE_PROJECTS".to_string()]
        );
        for name in Target::NAMES {
            assert!(Target::from_name(name).is_some());
        }
    }
}
