// Typed, documented options of an object: what the registry says an object expects, filled in from
// the input file. Every option carries a doc string and, once set by the user, its location.
#pragma once

#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "neml2/base/OptionTraits.h"
#include "neml2/misc/error.h"

namespace neml2
{
class Factory;

class OptionBase
{
public:
  explicit OptionBase(std::string name) : _name(std::move(name)) {}
  virtual ~OptionBase() = default;

  const std::string & name() const { return _name; }
  /// What the option means; shown by neml2-syntax and quoted in errors.
  const std::string & doc() const { return _doc; }
  std::string & doc() { return _doc; }

  /// Whether the user must give the option.
  bool required() const { return _required; }
  void set_required(bool r) { _required = r; }
  /// Whether the input file (or a caller) gave a value.
  bool user_specified() const { return _user_specified; }
  /// Where the value was written (invalid when the default is used).
  const SourceLocation & location() const { return _where; }

  /// Name of the value type, for the syntax catalogue and error messages.
  virtual std::string type_name() const = 0;
  /// Read the value from an input-file field; errors carry the field's location.
  virtual void parse(const hit::Node & field) = 0;
  /// Print the current value as it would be written in an input file.
  virtual void print(std::ostream & os) const = 0;
  virtual std::unique_ptr<OptionBase> clone() const = 0;

  void mark_user_specified(const SourceLocation & where)
  {
    _user_specified = true;
    _where = where;
  }

private:
  std::string _name;
  std::string _doc;
  bool _required = false;
  bool _user_specified = false;
  SourceLocation _where;
};

std::ostream & operator<<(std::ostream & os, const OptionBase & opt);

namespace detail
{
/// Whether OptionTraits<T> can describe a particular value's type (e.g. an enum's choices).
template <typename T, typename = void>
struct has_describe : std::false_type
{
};
template <typename T>
struct has_describe<T, std::void_t<decltype(OptionTraits<T>::describe(std::declval<const T &>()))>>
    : std::true_type
{
};
} // namespace detail

template <typename T>
class Option : public OptionBase
{
public:
  explicit Option(std::string name, T value = T())
      : OptionBase(std::move(name)), _value(std::move(value))
  {
  }

  const T & value() const { return _value; }
  T & value() { return _value; }

  /// Set the doc string (chainable).
  Option & doc(std::string d)
  {
    OptionBase::doc() = std::move(d);
    return *this;
  }
  using OptionBase::doc;

  std::string type_name() const override
  {
    if constexpr (detail::has_describe<T>::value)
      return OptionTraits<T>::describe(_value);
    else
      return OptionTraits<T>::type_name();
  }
  void parse(const hit::Node & field) override
  {
    OptionTraits<T>::parse(field, _value);
    mark_user_specified(field.value_location());
  }
  void print(std::ostream & os) const override { OptionTraits<T>::print(os, _value); }
  std::unique_ptr<OptionBase> clone() const override { return std::make_unique<Option<T>>(*this); }

private:
  T _value;
};

class OptionSet
{
public:
  OptionSet() = default;
  OptionSet(const OptionSet & other);
  OptionSet & operator=(const OptionSet & other);
  OptionSet(OptionSet &&) = default;
  OptionSet & operator=(OptionSet &&) = default;

  /// @name Declaring options (in expected_options())
  ///@{
  /// An optional option with a default value.
  template <typename T>
  Option<T> & add(const std::string & name, T default_value, std::string doc)
  {
    auto & opt = emplace<T>(name, std::move(default_value));
    opt.doc(std::move(doc));
    return opt;
  }
  /// An optional option whose default is a default-constructed value.
  template <typename T>
  Option<T> & add(const std::string & name, std::string doc)
  {
    return add<T>(name, T(), std::move(doc));
  }
  /// An option the user must give.
  template <typename T>
  Option<T> & add_required(const std::string & name, std::string doc)
  {
    auto & opt = add<T>(name, T(), std::move(doc));
    opt.set_required(true);
    return opt;
  }
  /// The value of an option, created (without a doc string) if it does not exist yet.
  template <typename T>
  T & set(const std::string & name)
  {
    auto it = _options.find(name);
    if (it == _options.end())
      return emplace<T>(name, T()).value();
    return typed<T>(name, *it->second).value();
  }
  /// Remove an option (a derived class that fixes what a base class lets users choose).
  void erase(const std::string & name) { _options.erase(name); }
  ///@}

  /// @name Reading options
  ///@{
  bool contains(const std::string & name) const { return _options.count(name) > 0; }
  template <typename T>
  const T & get(const std::string & name) const
  {
    return typed<T>(name, get(name)).value();
  }
  /// The option named `name` (OptionError naming the object if there is none).
  const OptionBase & get(const std::string & name) const;
  OptionBase & get(const std::string & name);
  bool user_specified(const std::string & name) const { return get(name).user_specified(); }
  std::vector<std::string> names() const;
  const std::map<std::string, std::unique_ptr<OptionBase>> & options() const { return _options; }
  ///@}

  /// @name What the options belong to
  ///@{
  /// Short description of the object type (for the syntax catalogue).
  std::string & doc() { return _doc; }
  const std::string & doc() const { return _doc; }
  /// Input-file section the type belongs to ("Models", "Tensors", ...).
  std::string & section() { return _section; }
  const std::string & section() const { return _section; }
  /// Registered type name.
  std::string & type() { return _type; }
  const std::string & type() const { return _type; }
  /// Object name in its section.
  std::string & name() { return _name; }
  const std::string & name() const { return _name; }
  /// "Section/name" for messages.
  std::string path() const { return _section.empty() ? _name : _section + "/" + _name; }
  /// Where the object's section header was written.
  SourceLocation & location() { return _where; }
  const SourceLocation & location() const { return _where; }

  /// The factory building the object (nullptr for objects built directly from code).
  Factory * factory() const { return _factory; }
  void set_factory(Factory * f) { _factory = f; }
  ///@}

  /// Location of an option if the user gave it, else the object's location.
  SourceLocation location_of(const std::string & option) const;

  /// An OptionError about `option`, located where it was written, naming the object.
  OptionError error(const std::string & option, const std::string & message) const;

private:
  template <typename T>
  Option<T> & emplace(const std::string & name, T value)
  {
    auto opt = std::make_unique<Option<T>>(name, std::move(value));
    auto & ref = *opt;
    _options[name] = std::move(opt);
    return ref;
  }

  template <typename T>
  Option<T> & typed(const std::string & name, OptionBase & opt) const
  {
    auto * p = dynamic_cast<Option<T> *>(&opt);
    if (!p)
      throw error(name, "option holds a " + opt.type_name() + ", not a " +
                            OptionTraits<T>::type_name() + " (this is a bug in the object's code)");
    return *p;
  }
  template <typename T>
  const Option<T> & typed(const std::string & name, const OptionBase & opt) const
  {
    return typed<T>(name, const_cast<OptionBase &>(opt));
  }

  std::map<std::string, std::unique_ptr<OptionBase>> _options;
  std::string _doc;
  std::string _section;
  std::string _type;
  std::string _name;
  SourceLocation _where;
  Factory * _factory = nullptr;
};
} // namespace neml2
