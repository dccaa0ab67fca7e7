import Vapor
import Fluent
import Mustache
public enum WebPlaceholder {}
