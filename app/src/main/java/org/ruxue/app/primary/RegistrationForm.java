package org.ruxue.app.primary;

/**
 * What a family (or a district officer, R-P3) types into the registration form, as typed:
 * every field is text, so that nothing typed is lost when the form comes back with
 * errors. Required fields are marked with a red * on the page (R-G7).
 */
public class RegistrationForm {

	private String idempotencyKey;

	private String childName;

	private String childIdNumber;

	private String hukouType;

	private String hukouDistrict;

	private String hukouAddress;

	private String homeTenure;

	private String certificateNumber;

	private String certificateDate;

	private String owner;

	private String address;

	private String addressChoice;

	private String guardian1Name;

	private String guardian1Relation;

	private String guardian1IdNumber;

	private String guardian1Mobile;

	private String guardian2Name;

	private String guardian2Relation;

	private String guardian2IdNumber;

	private String guardian2Mobile;

	public String getIdempotencyKey() {
		return idempotencyKey;
	}

	public void setIdempotencyKey(String idempotencyKey) {
		this.idempotencyKey = idempotencyKey;
	}

	public String getChildName() {
		return childName;
	}

	public void setChildName(String childName) {
		this.childName = childName;
	}

	public String getChildIdNumber() {
		return childIdNumber;
	}

	public void setChildIdNumber(String childIdNumber) {
		this.childIdNumber = childIdNumber;
	}

	public String getHukouType() {
		return hukouType;
	}

	public void setHukouType(String hukouType) {
		this.hukouType = hukouType;
	}

	public String getHukouDistrict() {
		return hukouDistrict;
	}

	public void setHukouDistrict(String hukouDistrict) {
		this.hukouDistrict = hukouDistrict;
	}

	public String getHukouAddress() {
		return hukouAddress;
	}

	public void setHukouAddress(String hukouAddress) {
		this.hukouAddress = hukouAddress;
	}

	public String getHomeTenure() {
		return homeTenure;
	}

	public void setHomeTenure(String homeTenure) {
		this.homeTenure = homeTenure;
	}

	public String getCertificateNumber() {
		return certificateNumber;
	}

	public void setCertificateNumber(String certificateNumber) {
		this.certificateNumber = certificateNumber;
	}

	public String getCertificateDate() {
		return certificateDate;
	}

	public void setCertificateDate(String certificateDate) {
		this.certificateDate = certificateDate;
	}

	public String getOwner() {
		return owner;
	}

	public void setOwner(String owner) {
		this.owner = owner;
	}

	public String getAddress() {
		return address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public String getAddressChoice() {
		return addressChoice;
	}

	public void setAddressChoice(String addressChoice) {
		this.addressChoice = addressChoice;
	}

	public String getGuardian1Name() {
		return guardian1Name;
	}

	public void setGuardian1Name(String guardian1Name) {
		this.guardian1Name = guardian1Name;
	}

	public String getGuardian1Relation() {
		return guardian1Relation;
	}

	public void setGuardian1Relation(String guardian1Relation) {
		this.guardian1Relation = guardian1Relation;
	}

	public String getGuardian1IdNumber() {
		return guardian1IdNumber;
	}

	public void setGuardian1IdNumber(String guardian1IdNumber) {
		this.guardian1IdNumber = guardian1IdNumber;
	}

	public String getGuardian1Mobile() {
		return guardian1Mobile;
	}

	public void setGuardian1Mobile(String guardian1Mobile) {
		this.guardian1Mobile = guardian1Mobile;
	}

	public String getGuardian2Name() {
		return guardian2Name;
	}

	public void setGuardian2Name(String guardian2Name) {
		this.guardian2Name = guardian2Name;
	}

	public String getGuardian2Relation() {
		return guardian2Relation;
	}

	public void setGuardian2Relation(String guardian2Relation) {
		this.guardian2Relation = guardian2Relation;
	}

	public String getGuardian2IdNumber() {
		return guardian2IdNumber;
	}

	public void setGuardian2IdNumber(String guardian2IdNumber) {
		this.guardian2IdNumber = guardian2IdNumber;
	}

	public String getGuardian2Mobile() {
		return guardian2Mobile;
	}

	public void setGuardian2Mobile(String guardian2Mobile) {
		this.guardian2Mobile = guardian2Mobile;
	}

}
