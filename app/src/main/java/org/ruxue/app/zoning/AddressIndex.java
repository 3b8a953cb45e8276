package org.ruxue.app.zoning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * An immutable in-memory Lucene index of the address dictionary. Lucene finds candidates
 * by the characters and character pairs they share with the typed address; each candidate
 * is then checked against its normalised standard text and aliases, which decides whether
 * it is offered and says why (exact, alias, contains, a few characters differ). Different
 * numbers never match: 志新西路1号 and 志新西路7号 are different homes.
 */
final class AddressIndex {

	private static final int CANDIDATES = 24;

	/**
	 * Keys at least this long are in the one-edit table; shorter texts are one edit away
	 * from too many keys for that to help.
	 */
	private static final int ONE_EDIT_MIN_LENGTH = 4;

	/** The entries one edit away that are verified, at most. */
	private static final int ONE_EDIT_CANDIDATES = 256;

	/**
	 * Bits of an entry's ordinal in a {@link #deletions} value; the hash has the rest.
	 */
	private static final int ORDINAL_BITS = 24;

	private static final Pattern NUMBERS = Pattern.compile("\\d+");

	private final Analyzer analyzer = new AddressAnalyzer();

	private final ByteBuffersDirectory directory;

	private final IndexSearcher searcher;

	private final DirectoryReader reader;

	private final DictionaryEntry[] entries;

	/** Per entry: the normalised standard text first, then its aliases'. */
	private final String[][] keys;

	private final Map<String, TreeSet<Integer>> yearsByDistrict;

	private final Map<Integer, Query> currentYearFilters = new ConcurrentHashMap<>();

	private final Set<EntryLevel> levels;

	/** Lucene's document number to the entry's position, read once. */
	private final int[] docToOrdinal;

	/**
	 * Every normalised standard text and alias with the entries that have it: the exact
	 * path, which most typed addresses take, is a hash lookup instead of a search.
	 */
	private final Map<String, int[]> ordinalsByKey;

	/**
	 * The one-edit table (a deletion neighbourhood): for every key of at least
	 * {@link #ONE_EDIT_MIN_LENGTH} characters and every character of it, the key with
	 * that character left out, as a 40-bit hash above the entry's ordinal, sorted. A
	 * typed text one substitution away shares such a deletion with the key; one with a
	 * character missing is such a deletion. About a key's length of longs per entry.
	 */
	private final long[] deletions;

	private AddressIndex(ByteBuffersDirectory directory, DirectoryReader reader, DictionaryEntry[] entries,
			String[][] keys, Map<String, TreeSet<Integer>> yearsByDistrict) {
		this.directory = directory;
		this.reader = reader;
		this.searcher = new IndexSearcher(reader);
		this.searcher.setQueryCache(null);
		this.entries = entries;
		this.keys = keys;
		this.yearsByDistrict = yearsByDistrict;
		this.docToOrdinal = docToOrdinal(reader);
		this.ordinalsByKey = ordinalsByKey(keys);
		this.deletions = deletions(keys);
		this.levels = java.util.Arrays.stream(entries)
			.map(DictionaryEntry::level)
			.collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(EntryLevel.class)));
	}

	static AddressIndex build(List<DictionaryEntry> dictionary, AdministrativeDivisions divisions) {
		try {
			var directory = new ByteBuffersDirectory();
			var config = new IndexWriterConfig(new AddressAnalyzer()).setRAMBufferSizeMB(256);
			DictionaryEntry[] entries = dictionary.toArray(DictionaryEntry[]::new);
			String[][] keys = new String[entries.length][];
			Map<String, TreeSet<Integer>> years = new HashMap<>();
			try (var writer = new IndexWriter(directory, config)) {
				for (int i = 0; i < entries.length; i++) {
					DictionaryEntry entry = entries[i];
					keys[i] = keysOf(entry, divisions);
					years.computeIfAbsent(entry.districtCode(), d -> new TreeSet<>()).add(entry.year());
					writer.addDocument(document(i, entry, keys[i]));
				}
				writer.forceMerge(1);
			}
			return new AddressIndex(directory, DirectoryReader.open(directory), entries, keys, years);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot build the address index", ex);
		}
	}

	private static Map<String, int[]> ordinalsByKey(String[][] keys) {
		Map<String, int[]> byKey = new HashMap<>(keys.length * 2);
		for (int ordinal = 0; ordinal < keys.length; ordinal++) {
			for (String key : new LinkedHashSet<>(java.util.Arrays.asList(keys[ordinal]))) {
				int[] known = byKey.get(key);
				int[] grown = (known == null) ? new int[1] : java.util.Arrays.copyOf(known, known.length + 1);
				grown[grown.length - 1] = ordinal;
				byKey.put(key, grown);
			}
		}
		return byKey;
	}

	private static long[] deletions(String[][] keys) {
		if (keys.length >= (1 << ORDINAL_BITS)) {
			throw new IllegalArgumentException("The one-edit table holds at most 2^24 entries");
		}
		int size = 0;
		for (String[] entryKeys : keys) {
			for (String key : entryKeys) {
				size += (key.length() >= ONE_EDIT_MIN_LENGTH) ? key.length() : 0;
			}
		}
		long[] table = new long[size];
		int next = 0;
		for (int ordinal = 0; ordinal < keys.length; ordinal++) {
			for (String key : keys[ordinal]) {
				if (key.length() >= ONE_EDIT_MIN_LENGTH) {
					for (int i = 0; i < key.length(); i++) {
						table[next++] = (hashWithout(key, i) << ORDINAL_BITS) | ordinal;
					}
				}
			}
		}
		java.util.Arrays.sort(table);
		return table;
	}

	/** FNV-1a over the characters but the one at {@code left} (-1: all), 40 bits. */
	private static long hashWithout(String text, int left) {
		long hash = 0xcbf29ce484222325L;
		for (int i = 0; i < text.length(); i++) {
			if (i != left) {
				hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
			}
		}
		return (hash ^ (hash >>> 40)) & ((1L << (64 - ORDINAL_BITS)) - 1);
	}

	private static int[] docToOrdinal(DirectoryReader reader) {
		try {
			int[] ordinals = new int[reader.maxDoc()];
			for (LeafReaderContext leaf : reader.leaves()) {
				NumericDocValues values = leaf.reader().getNumericDocValues("ordinal");
				for (int doc = values.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = values.nextDoc()) {
					ordinals[leaf.docBase + doc] = (int) values.longValue();
				}
			}
			return ordinals;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int size() {
		return entries.length;
	}

	/** The Lucene index's bytes; the entries' Java objects come on top. */
	long indexBytes() {
		try {
			long bytes = 0;
			for (String file : directory.listAll()) {
				bytes += directory.fileLength(file);
			}
			return bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The zone year each district's lookup uses: the latest year drawn up to the current
	 * one, else (a dictionary prepared ahead) the earliest.
	 */
	Integer effectiveYear(String districtCode, int currentYear) {
		TreeSet<Integer> years = yearsByDistrict.get(districtCode);
		if (years == null) {
			return null;
		}
		Integer year = years.floor(currentYear);
		return (year != null) ? year : years.first();
	}

	/**
	 * @param districtCode only this district, or null for all
	 * @param level only this level, or null for both
	 * @param year only this year, or null for each district's effective year
	 */
	List<IndexHit> search(TypedAddress typed, String districtCode, EntryLevel level, Integer year, int currentYear,
			int limit) {
		Query filter = filter(districtCode, level, year, currentYear);
		// most typed addresses normalise to a dictionary text or alias: one hash lookup
		List<IndexHit> hits = exact(typed, districtCode, level, year, currentYear);
		if (hits.isEmpty()) {
			// a typo, or a character left out or added: the keys one edit away
			hits = oneEditAway(typed, districtCode, level, year, currentYear);
		}
		if (hits.isEmpty()) {
			// then character pairs, half of which must match; then single characters,
			// which
			// keep typos and homophones in reach (华纺亿城 shares one pair of three with
			// 华纺易城)
			hits = candidates(typed, anyOf(terms(typed.core(), true)), filter);
			if (hits.stream().noneMatch(h -> h.kind() == MatchKind.CONTAINS)) {
				Set<Long> seen = new java.util.HashSet<>();
				hits.forEach(h -> seen.add(h.entry().id()));
				candidates(typed, anyOf(terms(typed.core(), false)), filter).stream()
					.filter(h -> seen.add(h.entry().id()))
					.forEach(hits::add);
			}
		}
		hits.sort(Comparator.comparing((IndexHit h) -> h.kind())
			.thenComparing(h -> buildingDisagrees(typed, h.entry()))
			.thenComparing(IndexHit::differences)
			.thenComparing(Comparator.comparingDouble(IndexHit::score).reversed()));
		return hits.stream().limit(limit).toList();
	}

	/**
	 * The entries whose standard text or alias normalises to the typed text, filtered as
	 * {@link #filter} does in the index, in dictionary order as the term query returned
	 * them.
	 */
	private List<IndexHit> exact(TypedAddress typed, String districtCode, EntryLevel level, Integer year,
			int currentYear) {
		int[] ordinals = ordinalsByKey.get(typed.core());
		if (ordinals == null) {
			return new ArrayList<>();
		}
		List<IndexHit> hits = new ArrayList<>();
		for (int ordinal : ordinals) {
			DictionaryEntry entry = entries[ordinal];
			if (inScope(entry, districtCode, level, year, currentYear)) {
				IndexHit hit = verify(typed, ordinal, 1f);
				if (hit != null) {
					hits.add(hit);
					if (hits.size() == CANDIDATES) {
						break;
					}
				}
			}
		}
		return hits;
	}

	/**
	 * The entries whose key is one edit away from the typed text: a character wrong, left
	 * out or added. Hash collisions cost a verification, nothing more: {@link #verify}
	 * compares the texts themselves.
	 */
	private List<IndexHit> oneEditAway(TypedAddress typed, String districtCode, EntryLevel level, Integer year,
			int currentYear) {
		String text = typed.core();
		Set<Integer> ordinals = new LinkedHashSet<>();
		if (text.length() >= ONE_EDIT_MIN_LENGTH - 1) {
			// a character left out: the typed text is a key without it
			collectDeletions(hashWithout(text, -1), ordinals);
			for (int i = 0; i < text.length() && ordinals.size() < ONE_EDIT_CANDIDATES; i++) {
				// a character wrong: the two share the deletion at its place
				collectDeletions(hashWithout(text, i), ordinals);
				// a character added: without it the typed text is a key
				int[] exact = ordinalsByKey.get(new StringBuilder(text).deleteCharAt(i).toString());
				if (exact != null) {
					for (int ordinal : exact) {
						ordinals.add(ordinal);
					}
				}
			}
		}
		List<IndexHit> hits = new ArrayList<>();
		for (int ordinal : ordinals) {
			if (hits.size() == CANDIDATES) {
				break;
			}
			if (inScope(entries[ordinal], districtCode, level, year, currentYear)) {
				IndexHit hit = verify(typed, ordinal, 1f);
				if (hit != null) {
					hits.add(hit);
				}
			}
		}
		return hits;
	}

	private void collectDeletions(long hash, Set<Integer> ordinals) {
		long low = hash << ORDINAL_BITS;
		int at = java.util.Arrays.binarySearch(deletions, low);
		for (int i = (at >= 0) ? at : -at - 1; i < deletions.length && (deletions[i] >>> ORDINAL_BITS) == hash
				&& ordinals.size() < ONE_EDIT_CANDIDATES; i++) {
			ordinals.add((int) (deletions[i] & ((1 << ORDINAL_BITS) - 1)));
		}
	}

	private boolean inScope(DictionaryEntry entry, String districtCode, EntryLevel level, Integer year,
			int currentYear) {
		if (level != null && entry.level() != level) {
			return false;
		}
		if (districtCode != null) {
			Integer y = (year != null) ? year : effectiveYear(districtCode, currentYear);
			return entry.districtCode().equals(districtCode) && y != null && entry.year() == y;
		}
		if (year != null) {
			return entry.year() == year;
		}
		return Objects.equals(entry.year(), effectiveYear(entry.districtCode(), currentYear));
	}

	/** At least half of the terms. */
	private static Query anyOf(List<String> terms) {
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		for (String term : terms) {
			query.add(new TermQuery(new Term("text", term)), Occur.SHOULD);
		}
		query.setMinimumNumberShouldMatch(Math.max(1, terms.size() / 2));
		return query.build();
	}

	private List<IndexHit> candidates(TypedAddress typed, Query match, Query filter) {
		Query query = match;
		if (filter != null) {
			query = new BooleanQuery.Builder().add(match, Occur.MUST).add(filter, Occur.FILTER).build();
		}
		try {
			TopDocs top = searcher.search(query, CANDIDATES);
			List<IndexHit> hits = new ArrayList<>();
			for (ScoreDoc scoreDoc : top.scoreDocs) {
				IndexHit hit = verify(typed, ordinalOf(scoreDoc.doc), scoreDoc.score);
				if (hit != null) {
					hits.add(hit);
				}
			}
			return hits;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Null when nothing needs filtering out. */
	private Query filter(String districtCode, EntryLevel level, Integer year, int currentYear) {
		Query years = yearFilter(districtCode, year, currentYear);
		if (level == null || levels.size() == 1 && levels.contains(level)) {
			return years;
		}
		Query levelFilter = new TermQuery(new Term("level", level.name()));
		if (years == null) {
			return levelFilter;
		}
		return new BooleanQuery.Builder().add(years, Occur.FILTER).add(levelFilter, Occur.FILTER).build();
	}

	private Query yearFilter(String districtCode, Integer year, int currentYear) {
		if (districtCode != null) {
			Integer y = (year != null) ? year : effectiveYear(districtCode, currentYear);
			return new TermQuery(new Term("district_year", districtCode + ":" + ((y != null) ? y : 0)));
		}
		if (year != null) {
			return new TermQuery(new Term("year", Integer.toString(year)));
		}
		if (yearsByDistrict.values().stream().allMatch(years -> years.size() == 1)) {
			// one year per district: every document is in its district's effective year
			return null;
		}
		return currentYearFilters.computeIfAbsent(currentYear, current -> {
			BooleanQuery.Builder any = new BooleanQuery.Builder();
			yearsByDistrict.keySet()
				.forEach(district -> any.add(
						new TermQuery(new Term("district_year", district + ":" + effectiveYear(district, current))),
						Occur.SHOULD));
			return any.build();
		});
	}

	private IndexHit verify(TypedAddress typed, int ordinal, float score) {
		DictionaryEntry entry = entries[ordinal];
		if (typed.building() != null && entry.building() != null && !typed.building().equals(entry.building())) {
			return null;
		}
		IndexHit best = null;
		String[] candidates = keys[ordinal];
		for (int k = 0; k < candidates.length; k++) {
			IndexHit hit = compare(typed.core(), candidates[k], k == 0, entry, score,
					(k == 0) ? entry.standardText() : entry.aliases().get(k - 1));
			if (hit != null && (best == null || hit.kind().compareTo(best.kind()) < 0
					|| (hit.kind() == best.kind() && hit.differences() < best.differences()))) {
				best = hit;
			}
		}
		return best;
	}

	private static IndexHit compare(String typed, String key, boolean standard, DictionaryEntry entry, float score,
			String matchedText) {
		if (!numbersAgree(typed, key)) {
			return null;
		}
		if (typed.equals(key)) {
			return new IndexHit(entry, standard ? MatchKind.EXACT : MatchKind.ALIAS, matchedText, 0, score);
		}
		if (Math.min(typed.length(), key.length()) >= 2 && (typed.contains(key) || key.contains(typed))) {
			return new IndexHit(entry, MatchKind.CONTAINS, matchedText, Math.abs(typed.length() - key.length()), score);
		}
		int distance = distance(typed, key);
		int longer = Math.max(typed.length(), key.length());
		if (distance <= Math.max(1, longer * 2 / 5)) {
			return new IndexHit(entry, MatchKind.SIMILAR, matchedText, distance, score);
		}
		return null;
	}

	/** Numbers on both sides must be the same numbers; one side without any is fine. */
	private static boolean numbersAgree(String typed, String key) {
		Set<String> a = numbers(typed);
		Set<String> b = numbers(key);
		return a.isEmpty() || b.isEmpty() || a.equals(b);
	}

	private static Set<String> numbers(String text) {
		Set<String> numbers = new LinkedHashSet<>();
		Matcher m = NUMBERS.matcher(text);
		while (m.find()) {
			numbers.add(m.group());
		}
		return numbers;
	}

	/** Levenshtein distance of two short strings. */
	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	private static boolean buildingDisagrees(TypedAddress typed, DictionaryEntry entry) {
		return entry.building() != null && !entry.building().equals(typed.building());
	}

	private int ordinalOf(int doc) {
		return docToOrdinal[doc];
	}

	/**
	 * @param pairsOnly leave out single Han characters, unless there are no pairs (a
	 * one-character text)
	 */
	private List<String> terms(String text, boolean pairsOnly) {
		Set<String> terms = new LinkedHashSet<>();
		Set<String> singles = new LinkedHashSet<>();
		try (TokenStream stream = analyzer.tokenStream("text", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			TypeAttribute type = stream.addAttribute(TypeAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				boolean single = "<SINGLE>".equals(type.type());
				(pairsOnly && single ? singles : terms).add(term.toString());
			}
			if (terms.isEmpty()) {
				terms.addAll(singles);
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return List.copyOf(terms);
	}

	private static String[] keysOf(DictionaryEntry entry, AdministrativeDivisions divisions) {
		List<String> keys = new ArrayList<>();
		keys.add(coreOf(entry.standardText(), divisions));
		entry.aliases().forEach(alias -> keys.add(coreOf(alias, divisions)));
		return keys.toArray(String[]::new);
	}

	private static String coreOf(String text, AdministrativeDivisions divisions) {
		try {
			return TypedAddress.parse(text, divisions).core();
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

	private static Document document(int ordinal, DictionaryEntry entry, String[] keys) {
		Document doc = new Document();
		doc.add(new NumericDocValuesField("ordinal", ordinal));
		doc.add(new StringField("level", entry.level().name(), Field.Store.NO));
		doc.add(new StringField("year", Integer.toString(entry.year()), Field.Store.NO));
		doc.add(new StringField("district_year", entry.districtCode() + ":" + entry.year(), Field.Store.NO));
		for (String key : keys) {
			doc.add(new StringField("key", key, Field.Store.NO));
			doc.add(new TextField("text", key, Field.Store.NO));
		}
		return doc;
	}

	/** A dictionary address offered for a typed one, and why. */
	record IndexHit(DictionaryEntry entry, MatchKind kind, String matchedText, int differences, float score) {

	}

}
