/// One row of Joe and Kuo's direction-number table: a primitive polynomial over GF(2) and the
/// initial direction integers m₁…m_s of its dimension.
struct SobolDirectionRow: Sendable {
    /// The 1-based dimension of the sequence the row belongs to.
    let dimension: Int
    /// s, the polynomial's degree.
    let degree: Int
    /// a, the polynomial's inner coefficients a₁…a_(s−1) as bits, a₁ the most significant.
    let coefficients: Int
    /// m₁…m_s, each m_k odd and below 2^k.
    let initial: [Int]
}

/// The direction numbers of dimensions 2 to 64, from Joe and Kuo's `new-joe-kuo-6.21201` table
/// (S. Joe and F. Y. Kuo, "Constructing Sobol sequences with better two-dimensional projections",
/// SIAM J. Sci. Comput. 30, 2008). Dimension 1, the van der Corput sequence, needs no row.
enum SobolDirectionNumbers {
    /// The rows in dimension order, starting at dimension 2.
    static let rows: [SobolDirectionRow] = [
        .init(dimension: 2, degree: 1, coefficients: 0, initial: [1]),
        .init(dimension: 3, degree: 2, coefficients: 1, initial: [1, 3]),
        .init(dimension: 4, degree: 3, coefficients: 1, initial: [1, 3, 1]),
        .init(dimension: 5, degree: 3, coefficients: 2, initial: [1, 1, 1]),
        .init(dimension: 6, degree: 4, coefficients: 1, initial: [1, 1, 3, 3]),
        .init(dimension: 7, degree: 4, coefficients: 4, initial: [1, 3, 5, 13]),
        .init(dimension: 8, degree: 5, coefficients: 2, initial: [1, 1, 5, 5, 17]),
        .init(dimension: 9, degree: 5, coefficients: 4, initial: [1, 1, 5, 5, 5]),
        .init(dimension: 10, degree: 5, coefficients: 7, initial: [1, 1, 7, 11, 19]),
        .init(dimension: 11, degree: 5, coefficients: 11, initial: [1, 1, 5, 1, 1]),
        .init(dimension: 12, degree: 5, coefficients: 13, initial: [1, 1, 1, 3, 11]),
        .init(dimension: 13, degree: 5, coefficients: 14, initial: [1, 3, 5, 5, 31]),
        .init(dimension: 14, degree: 6, coefficients: 1, initial: [1, 3, 3, 9, 7, 49]),
        .init(dimension: 15, degree: 6, coefficients: 13, initial: [1, 1, 1, 15, 21, 21]),
        .init(dimension: 16, degree: 6, coefficients: 16, initial: [1, 3, 1, 13, 27, 49]),
        .init(dimension: 17, degree: 6, coefficients: 19, initial: [1, 1, 1, 15, 7, 5]),
        .init(dimension: 18, degree: 6, coefficients: 22, initial: [1, 3, 1, 15, 13, 25]),
        .init(dimension: 19, degree: 6, coefficients: 25, initial: [1, 1, 5, 5, 19, 61]),
        .init(dimension: 20, degree: 7, coefficients: 1, initial: [1, 3, 7, 11, 23, 15, 103]),
        .init(dimension: 21, degree: 7, coefficients: 4, initial: [1, 3, 7, 13, 13, 15, 69]),
        .init(dimension: 22, degree: 7, coefficients: 7, initial: [1, 1, 3, 13, 7, 35, 63]),
        .init(dimension: 23, degree: 7, coefficients: 8, initial: [1, 3, 5, 9, 1, 25, 53]),
        .init(dimension: 24, degree: 7, coefficients: 14, initial: [1, 3, 1, 13, 9, 35, 107]),
        .init(dimension: 25, degree: 7, coefficients: 19, initial: [1, 3, 1, 5, 27, 61, 31]),
        .init(dimension: 26, degree: 7, coefficients: 21, initial: [1, 1, 5, 11, 19, 41, 61]),
        .init(dimension: 27, degree: 7, coefficients: 28, initial: [1, 3, 5, 3, 3, 13, 69]),
        .init(dimension: 28, degree: 7, coefficients: 31, initial: [1, 1, 7, 13, 1, 19, 1]),
        .init(dimension: 29, degree: 7, coefficients: 32, initial: [1, 3, 7, 5, 13, 19, 59]),
        .init(dimension: 30, degree: 7, coefficients: 37, initial: [1, 1, 3, 9, 25, 29, 41]),
        .init(dimension: 31, degree: 7, coefficients: 41, initial: [1, 3, 5, 13, 23, 1, 55]),
        .init(dimension: 32, degree: 7, coefficients: 42, initial: [1, 3, 7, 3, 13, 59, 17]),
        .init(dimension: 33, degree: 7, coefficients: 50, initial: [1, 3, 1, 3, 5, 53, 69]),
        .init(dimension: 34, degree: 7, coefficients: 55, initial: [1, 1, 5, 5, 23, 33, 13]),
        .init(dimension: 35, degree: 7, coefficients: 56, initial: [1, 1, 7, 7, 1, 61, 123]),
        .init(dimension: 36, degree: 7, coefficients: 59, initial: [1, 1, 7, 9, 13, 61, 49]),
        .init(dimension: 37, degree: 7, coefficients: 62, initial: [1, 3, 3, 5, 3, 55, 33]),
        .init(dimension: 38, degree: 8, coefficients: 14, initial: [1, 3, 1, 15, 31, 13, 49, 245]),
        .init(dimension: 39, degree: 8, coefficients: 21, initial: [1, 3, 5, 15, 31, 59, 63, 97]),
        .init(dimension: 40, degree: 8, coefficients: 22, initial: [1, 3, 1, 11, 11, 11, 77, 249]),
        .init(dimension: 41, degree: 8, coefficients: 38, initial: [1, 3, 1, 11, 27, 43, 71, 9]),
        .init(dimension: 42, degree: 8, coefficients: 47, initial: [1, 1, 7, 15, 21, 11, 81, 45]),
        .init(dimension: 43, degree: 8, coefficients: 49, initial: [1, 3, 7, 3, 25, 31, 65, 79]),
        .init(dimension: 44, degree: 8, coefficients: 50, initial: [1, 3, 1, 1, 19, 11, 3, 205]),
        .init(dimension: 45, degree: 8, coefficients: 52, initial: [1, 1, 5, 9, 19, 21, 29, 157]),
        .init(dimension: 46, degree: 8, coefficients: 56, initial: [1, 3, 7, 11, 1, 33, 89, 185]),
        .init(dimension: 47, degree: 8, coefficients: 67, initial: [1, 3, 3, 3, 15, 9, 79, 71]),
        .init(dimension: 48, degree: 8, coefficients: 70, initial: [1, 3, 7, 11, 15, 39, 119, 27]),
        .init(dimension: 49, degree: 8, coefficients: 84, initial: [1, 1, 3, 1, 11, 31, 97, 225]),
        .init(dimension: 50, degree: 8, coefficients: 97, initial: [1, 1, 1, 3, 23, 43, 57, 177]),
        .init(dimension: 51, degree: 8, coefficients: 103, initial: [1, 3, 7, 7, 17, 17, 37, 71]),
        .init(dimension: 52, degree: 8, coefficients: 115, initial: [1, 3, 1, 5, 27, 63, 123, 213]),
        .init(dimension: 53, degree: 8, coefficients: 122, initial: [1, 1, 3, 5, 11, 43, 53, 133]),
        .init(dimension: 54, degree: 9, coefficients: 8, initial: [1, 3, 5, 5, 29, 17, 47, 173, 479]),
        .init(dimension: 55, degree: 9, coefficients: 13, initial: [1, 3, 3, 11, 3, 1, 109, 9, 69]),
        .init(dimension: 56, degree: 9, coefficients: 16, initial: [1, 1, 1, 5, 17, 39, 23, 5, 343]),
        .init(dimension: 57, degree: 9, coefficients: 22, initial: [1, 3, 1, 5, 25, 15, 31, 103, 499]),
        .init(dimension: 58, degree: 9, coefficients: 25, initial: [1, 1, 1, 11, 11, 17, 63, 105, 183]),
        .init(dimension: 59, degree: 9, coefficients: 44, initial: [1, 1, 5, 11, 9, 29, 97, 231, 363]),
        .init(dimension: 60, degree: 9, coefficients: 47, initial: [1, 1, 5, 15, 19, 45, 41, 7, 383]),
        .init(dimension: 61, degree: 9, coefficients: 52, initial: [1, 3, 7, 7, 31, 19, 83, 137, 221]),
        .init(dimension: 62, degree: 9, coefficients: 55, initial: [1, 1, 1, 3, 23, 15, 111, 223, 83]),
        .init(dimension: 63, degree: 9, coefficients: 59, initial: [1, 1, 5, 13, 31, 15, 55, 25, 161]),
        .init(dimension: 64, degree: 9, coefficients: 62, initial: [1, 1, 3, 13, 25, 47, 39, 87, 257]),
    ]
}
