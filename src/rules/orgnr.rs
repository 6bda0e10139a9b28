//! Norwegian organisation numbers: 9 digits with a MOD11 check digit.

/// Why an organisation number is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrgnrError {
    /// Not nine digits (after removing spaces).
    Form,
    /// The check digit does not match; carries the digit that would be right, if any.
    CheckDigit(Option<u32>),
}

/// Normalises (removes spaces) and checks an organisation number.
pub fn check(text: &str) -> Result<String, OrgnrError> {
    let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() != 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(OrgnrError::Form);
    }
    let values: Vec<u32> = digits.bytes().map(|b| u32::from(b - b'0')).collect();
    let expected = check_digit(&values[..8]);
    if expected == Some(values[8]) { Ok(digits) } else { Err(OrgnrError::CheckDigit(expected)) }
}

/// The MOD11 check digit for the first eight digits, or None when no digit is valid.
fn check_digit(first8: &[u32]) -> Option<u32> {
    const WEIGHTS: [u32; 8] = [3, 2, 7, 6, 5, 4, 3, 2];
    let sum: u32 = first8.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
    match 11 - sum % 11 {
        11 => Some(0),
        10 => None,
        d => Some(d),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_valid_numbers_with_or_without_spaces() {
        assert_eq!(check("974760673"), Ok("974760673".into()));
        assert_eq!(check("974 760 673"), Ok("974760673".into()));
    }

    #[test]
    fn refuses_wrong_check_digit_and_form() {
        assert_eq!(check("974760674"), Err(OrgnrError::CheckDigit(Some(3))));
        assert_eq!(check("97476067"), Err(OrgnrError::Form));
        assert_eq!(check("97476067a"), Err(OrgnrError::Form));
    }
}
