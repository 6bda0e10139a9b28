//! Where the published forms save (`redigering` in `nettsted.yaml`).

/// Where the published forms save: a git host and a repository.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editing {
    pub host: GitHost,
    /// `owner/name`.
    pub repo: String,
    pub branch: String,
    pub app_id: Option<String>,
    pub api_root: Option<String>,
    /// The OAuth service for GitHub.
    pub login: Option<String>,
}

/// The git hosts the forms can save to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GitHost {
    GitHub,
    GitLab,
    Gitea,
}

impl GitHost {
    pub const ALL: [(&'static str, GitHost); 3] =
        [("github", GitHost::GitHub), ("gitlab", GitHost::GitLab), ("gitea", GitHost::Gitea)];

    /// The name the content and the editor use: `github`.
    pub fn key(self) -> &'static str {
        GitHost::ALL.iter().find(|(_, h)| *h == self).map(|(k, _)| *k).unwrap_or("github")
    }
}
