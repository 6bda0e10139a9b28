//! `base_url`: the one place that reads the address a site is published at.

/// The address a site is published at (`base_url`): `http` or `https` with a host, without a
/// query or a fragment, written as a browser writes it and ending in `/`. The one place that
/// reads a base URL; its path (`/` or `/innkjop/`) and host are read with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    url: String,
    path_at: usize,
    host: String,
}

impl BaseUrl {
    /// Reads a base URL (`HTTPS://Example.no/a b` gives `https://example.no/a%20b/`), or says
    /// why it cannot be used, in Norwegian.
    pub fn parse(text: &str) -> Result<BaseUrl, &'static str> {
        let mut url = url::Url::parse(text.trim()).map_err(|e| match e {
            url::ParseError::EmptyHost => "adressen mangler et vertsnavn (det som kommer etter https://)",
            url::ParseError::RelativeUrlWithoutBase => "adressen mangler https:// foran",
            _ => "adressen kan ikke leses",
        })?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err("adressen må begynne med https:// (eller http://)");
        }
        let Some(host) = url.host_str().filter(|h| !h.is_empty()).map(str::to_string) else {
            return Err("adressen mangler et vertsnavn (det som kommer etter https://)");
        };
        if url.query().is_some() || url.fragment().is_some() {
            return Err("adressen kan ikke ha ? eller # i seg");
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err("adressen kan ikke ha brukernavn eller passord i seg");
        }
        if !url.path().ends_with('/') {
            let path = format!("{}/", url.path());
            url.set_path(&path);
        }
        let host = match url.port() {
            Some(port) => format!("{host}:{port}"),
            None => host,
        };
        let url = url.to_string();
        let path_at =
            url.find("://").map(|i| i + 3).and_then(|i| url[i..].find('/').map(|j| i + j)).unwrap_or(url.len());
        Ok(BaseUrl { url, path_at, host })
    }

    /// The whole address: `https://example.no/innkjop/`.
    pub fn as_str(&self) -> &str {
        &self.url
    }

    /// The path below the host, where the site's pages live: `/` or `/innkjop/`.
    pub fn path(&self) -> &str {
        &self.url[self.path_at..]
    }

    /// The same address for a calendar app to subscribe to: `webcal://example.no/innkjop/`.
    pub fn webcal(&self) -> String {
        let rest = self.url.split_once("://").map_or(self.url.as_str(), |(_, rest)| rest);
        format!("webcal://{rest}")
    }

    /// The host, with the port when one is given: `example.no`, `localhost:1111`.
    pub fn host(&self) -> &str {
        &self.host
    }
}

impl std::ops::Deref for BaseUrl {
    type Target = str;
    fn deref(&self) -> &str {
        &self.url
    }
}

impl std::fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.url)
    }
}

#[cfg(test)]
mod tests {
    use super::BaseUrl;

    #[test]
    fn a_base_url_is_read_as_a_browser_reads_it() {
        let url = BaseUrl::parse("HTTPS://Innkjop.Example.no").expect("valid");
        assert_eq!((url.as_str(), url.path(), url.host()), ("https://innkjop.example.no/", "/", "innkjop.example.no"));
        let url = BaseUrl::parse("http://localhost:1111/innkjop").expect("valid");
        assert_eq!(
            (url.as_str(), url.path(), url.host()),
            ("http://localhost:1111/innkjop/", "/innkjop/", "localhost:1111")
        );
        assert_eq!(url.webcal(), "webcal://localhost:1111/innkjop/");
        let quoted = BaseUrl::parse("https://example.no/a\"b'<c>/").expect("valid");
        assert_eq!(quoted.as_str(), "https://example.no/a%22b'%3Cc%3E/");
        for bad in [
            "https://",
            "example.no",
            "ftp://example.no/",
            "https://example.no/?a=1",
            "https://example.no/#x",
            "javascript:alert(1)//",
        ] {
            assert!(BaseUrl::parse(bad).is_err(), "{bad}");
        }
    }
}
